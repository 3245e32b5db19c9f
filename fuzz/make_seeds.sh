#!/usr/bin/env bash
# Builds the seed corpora of the fuzz targets from the fixtures and fuzz/seeds: make_seeds.sh OUT.
# lex inputs are "<file name>\n<content>", the name choosing the lexer through the registry.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
fixtures="$here/../fixtures"
out="$1"
mkdir -p "$out"/{lex,notebook,markdown,hidden_text,image,watermark}
n=0
while IFS= read -r -d '' file; do
  n=$((n + 1))
  name="$(basename "$file")"
  case "$name" in
    *.png|*.jpg|*.jpeg|*.gif|*.webp|*.bmp) cp "$file" "$out/image/$n-$name" ;;
    *) { printf '%s\n' "$name"; cat "$file"; } > "$out/lex/$n-$name" ;;
  esac
  case "$name" in *.md) cp "$file" "$out/markdown/$n-$name"; cp "$file" "$out/hidden_text/$n-$name" ;; esac
  case "$name" in *.md|*.html) cp "$file" "$out/watermark/$n-$name" ;; esac
done < <(find "$fixtures" "$here/../reference_dashboards" -type f -print0)
cp "$here"/seeds/lex/* "$out/lex/"
cp "$here"/seeds/image/* "$out/image/"
cp "$here"/seeds/notebook/* "$out/notebook/"
for notebook in "$here"/seeds/notebook/*; do
  { printf '%s\n' "$(basename "$notebook")"; cat "$notebook"; } > "$out/lex/$(basename "$notebook")"
done
# A Markdown file that hides a paragraph as base64, as one student did.
{ echo '# Notas'; echo '```'; printf 'Esta es la reflexión que escribí yo misma sobre Kafka y LocalStack.\n' | base64 -w 40; echo '```'; } \
  > "$out/hidden_text/base64.md"
