# Writes OUTPUT, a C++ source defining huella::assets::report_css and report_js from
# ASSETS_DIR/report.css and report.js as byte arrays, so that any character survives.
# Run with cmake -P at build time.
set(source "// Generated from src/report/assets/ by cmake/embed_assets.cmake; do not edit.\n")
string(APPEND source "#include \"${ASSETS_DIR}/../assets.h\"\n\nnamespace huella::assets {\nnamespace {\n")
set(views "")
foreach(kind css js)
  file(READ "${ASSETS_DIR}/report.${kind}" hex HEX)
  string(REGEX REPLACE "([0-9a-f][0-9a-f])" "0x\\1," bytes "${hex}")
  string(APPEND source "const unsigned char report_${kind}_bytes[] = {${bytes}};\n")
  string(APPEND views "const std::string_view report_${kind}(reinterpret_cast<const char*>(report_${kind}_bytes),\n                                     sizeof report_${kind}_bytes);\n")
endforeach()
string(APPEND source "}  // namespace\n\n${views}\n}  // namespace huella::assets\n")
file(WRITE "${OUTPUT}.tmp" "${source}")
file(COPY_FILE "${OUTPUT}.tmp" "${OUTPUT}" ONLY_IF_DIFFERENT)
file(REMOVE "${OUTPUT}.tmp")
