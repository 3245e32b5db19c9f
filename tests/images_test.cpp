// The screenshots channel: headers and limits, decoding, metadata, the hash search, and the
// labelled captures of fixtures/cohort (transformed copies and hard negatives).
#include <doctest/doctest.h>

#include <fstream>
#include <random>
#include <set>

#include "huella/images.h"
#include "huella/pipeline.h"

using namespace huella;
using namespace std::string_literals;

namespace {

const std::filesystem::path kCohort = std::filesystem::path(HUELLA_SOURCE_DIR) / "fixtures" / "cohort";

std::string file_bytes(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), {}};
}

std::string be32(std::uint32_t v) {
  return {static_cast<char>(v >> 24), static_cast<char>(v >> 16), static_cast<char>(v >> 8),
          static_cast<char>(v)};
}

std::string le16(std::uint32_t v) { return {static_cast<char>(v), static_cast<char>(v >> 8)}; }
std::string le32(std::uint32_t v) { return le16(v) + le16(v >> 16); }

// A PNG's signature, IHDR and IEND (CRCs unchecked by the header reader).
std::string png_header(std::uint32_t width, std::uint32_t height, std::string chunks = "") {
  return std::string("\x89PNG\r\n\x1a\n", 8) + be32(13) + "IHDR" + be32(width) + be32(height) +
         std::string("\x08\x02\x00\x00\x00", 5) + be32(0) + chunks + be32(0) + "IEND" + be32(0xAE426082);
}

// A 24-bit BMP of `width` × `height` pixels, all of one grey.
std::string bmp(std::uint32_t width, std::uint32_t height, unsigned char grey) {
  const std::uint32_t row = (3 * width + 3) / 4 * 4, size = 54 + row * height;
  return "BM" + le32(size) + le32(0) + le32(54) + le32(40) + le32(width) + le32(height) + le16(1) + le16(24) +
         le32(0) + le32(row * height) + le32(2835) + le32(2835) + le32(0) + le32(0) +
         std::string(row * height, static_cast<char>(grey));
}

ImageSignature read_fixture(const std::string& path) {
  const auto read = read_image(kCohort / path, ImageParams{});
  INFO(path << ": " << read.reason);
  REQUIRE(read.ok);
  return read.signature;
}

bool matches(const std::string& a, const std::string& b) {
  const auto c = compare_images(read_fixture(a), read_fixture(b), ImageParams{});
  INFO(a << " ~ " << b << ": pdq " << c.distance << ", scaled " << c.scaled.agreement << "/"
         << c.scaled.scattered << ", keypoints " << c.keypoints.inliers << " " << c.keypoints.agreement << "/"
         << c.keypoints.scattered);
  return c.scaled.match || c.keypoints.match;
}

// The copies planted by scripts/render_capturas.py: (original, copy, how).
struct Copy {
  std::string original, copy, level;
};
const std::vector<Copy> kCopies = {
    {"alvarez_lucia/kafka/capturas/kafka_ui_mensajes.png", "ruiz_alba/kafka/capturas/mensajes_kafka.png",
     "exact"},
    {"alvarez_lucia/localstack/capturas/terraform_apply.png", "ruiz_alba/localstack/capturas/terraform.png",
     "resized"},
    {"alvarez_lucia/localstack/capturas/s3_listado.png", "ruiz_alba/localstack/capturas/bucket_s3.jpg",
     "jpeg"},
    {"herrera_javier/kafka/capturas/kafka_ui.png", "sanz_marcos/kafka/capturas/kafka.png", "cropped"},
    {"herrera_javier/localstack/capturas/terraform_apply.png", "sanz_marcos/localstack/capturas/apply.png",
     "brightness"},
    {"yanez_rocio/kafka/capturas/productor.png", "vidal_carmen/kafka/capturas/productor.png", "overlay"},
    {"yanez_rocio/localstack/capturas/apply.png", "vidal_carmen/localstack/capturas/terraform.webp",
     "resized"},
    {"vargas_andres/localstack/capturas/terraform_apply.png", "molina_teo/localstack/capturas/escritorio.png",
     "embedded"},
    {"vargas_andres/localstack/capturas/s3_listado.png", "molina_teo/localstack/capturas/s3.jpg", "cropped"},
    {"vargas_andres/kafka/capturas/consumidor.png", "molina_teo/kafka/capturas/consumer.gif", "resized"},
};

// Same tool, same theme, other data.
const std::vector<std::pair<std::string, std::string>> kHardNegatives = {
    {"alvarez_lucia/localstack/capturas/terraform_apply.png",
     "herrera_javier/localstack/capturas/terraform_apply.png"},
    {"alvarez_lucia/localstack/capturas/terraform_apply.png",
     "zamora_felipe/localstack/capturas/terraform_apply.png"},
    {"alvarez_lucia/localstack/capturas/terraform_apply.png",
     "ibarra_daniela/localstack/capturas/terraform.png"},
    {"alvarez_lucia/kafka/capturas/kafka_ui_mensajes.png", "yanez_rocio/kafka/capturas/kafka_ui.png"},
    {"fernandez_diego/kafka/capturas/kafka_ui.png", "ibarra_daniela/kafka/capturas/kafka_ui.png"},
    {"vargas_andres/localstack/capturas/s3_listado.png", "zamora_felipe/localstack/capturas/s3.png"},
    {"alvarez_lucia/kafka/capturas/consumidor.png", "fernandez_diego/kafka/capturas/consumidor.png"},
    {"molina_teo/kafka/capturas/productor.png", "yanez_rocio/kafka/capturas/productor.png"},
    {"ruiz_alba/kafka/capturas/consumidor.png", "vargas_andres/kafka/capturas/consumidor.png"},
};

std::string student(const std::string& path) { return path.substr(0, path.find('/')); }
std::string in_submission(const std::string& path) { return path.substr(path.find('/') + 1); }

}  // namespace

TEST_CASE("images: a PNG that claims 100,000×100,000 pixels is refused from its header") {
  const auto bomb = png_header(100'000, 100'000);
  const auto probe = probe_image(bomb);
  REQUIRE(probe.ok);
  CHECK(probe.width == 100'000);
  const auto read = read_image_bytes(bomb, ImageParams{});
  CHECK_FALSE(read.ok);
  CHECK(read.reason == "too large: 100000×100000 pixels (limit 50.0 megapixels)");
}

TEST_CASE("images: files over the byte limit are refused before reading") {
  ImageParams small;
  small.max_bytes = 1000;
  const auto read = read_image(kCohort / "ruiz_alba/localstack/capturas/bucket_s3.jpg", small);
  CHECK_FALSE(read.ok);
  CHECK(read.reason.starts_with("too large: "));
}

TEST_CASE("images: truncated and corrupt files are reported in one line") {
  const auto jpeg = file_bytes(kCohort / "ruiz_alba/localstack/capturas/bucket_s3.jpg");
  const auto png = file_bytes(kCohort / "alvarez_lucia/localstack/capturas/terraform_apply.png");
  const auto webp = file_bytes(kCohort / "vidal_carmen/localstack/capturas/terraform.webp");
  const auto gif = file_bytes(kCohort / "molina_teo/kafka/capturas/consumer.gif");
  const std::vector<std::pair<std::string, std::string>> broken = {
      {jpeg.substr(0, jpeg.size() / 2), "truncated JPEG: no end-of-image marker"},
      {jpeg.substr(0, 100), "truncated JPEG: ends inside a header segment"},
      {png.substr(0, png.size() / 2), "truncated PNG: chunk IDAT runs past the end of the file"},
      {webp.substr(0, webp.size() - 10), "truncated WebP: shorter than its RIFF header says"},
      {gif.substr(0, gif.size() / 2), "truncated GIF: ends before its first image is complete"},
      {bmp(64, 64, 128).substr(0, 1000), "truncated BMP: fewer bytes than its rows need"},
      {png_header(0, 10), "corrupt header: zero width or height"},
      {"", "empty file"},
      {"print('hola')\n", "not a PNG, JPEG, GIF, WebP or BMP image"},
  };
  for (const auto& [bytes, reason] : broken) {
    const auto read = read_image_bytes(bytes, ImageParams{});
    CHECK_FALSE(read.ok);
    CHECK(read.reason == reason);
    CHECK(read.reason.find('\n') == std::string::npos);
  }
}

TEST_CASE("images: the header gives the format and size of every format") {
  const std::vector<std::tuple<std::string, ImageFormat, std::uint32_t, std::uint32_t>> files = {
      {"alvarez_lucia/kafka/capturas/kafka_ui_mensajes.png", ImageFormat::png, 1280, 800},
      {"ruiz_alba/localstack/capturas/bucket_s3.jpg", ImageFormat::jpeg, 1280, 800},
      {"molina_teo/kafka/capturas/consumer.gif", ImageFormat::gif, 768, 480},
      {"vidal_carmen/localstack/capturas/terraform.webp", ImageFormat::webp, 1088, 680},
  };
  for (const auto& [path, format, width, height] : files) {
    const auto probe = probe_image(file_bytes(kCohort / path));
    INFO(path);
    REQUIRE(probe.ok);
    CHECK(probe.format == format);
    CHECK(probe.width == width);
    CHECK(probe.height == height);
  }
  const auto lossless =
      probe_image("RIFF" + le32(18) + "WEBPVP8L" + le32(5) + "\x2f" + le32(99 | 49 << 14) + "\0"s);
  CHECK((lossless.ok && lossless.width == 100 && lossless.height == 50));
  const auto extended = probe_image("RIFF" + le32(22) + "WEBPVP8X" + le32(10) + std::string(4, '\0') +
                                    le32(1279).substr(0, 3) + le32(799).substr(0, 3));
  CHECK((extended.ok && extended.width == 1280 && extended.height == 800));
  const auto animated =
      probe_image("RIFF" + le32(22) + "WEBPVP8X" + le32(10) + "\x02" + std::string(9, '\0'));
  CHECK(animated.reason == "animated WebP: not compared");
  const auto bitmap = read_image_bytes(bmp(33, 17, 200), ImageParams{});
  REQUIRE(bitmap.ok);
  CHECK(bitmap.signature.format == ImageFormat::bmp);
  CHECK(bitmap.signature.width == 33);
  CHECK(bitmap.signature.featureless);
}

TEST_CASE("images: the same pixels in another format have the same pixel key, other bytes") {
  const auto grey = read_image_bytes(bmp(40, 30, 90), ImageParams{});
  // The same picture as a top-down BMP: other bytes, same pixels.
  auto top_down = bmp(40, 30, 90);
  top_down.replace(22, 4, le32(static_cast<std::uint32_t>(-30)));
  const auto flipped = read_image_bytes(top_down, ImageParams{});
  REQUIRE((grey.ok && flipped.ok));
  CHECK(grey.signature.bytes_key != flipped.signature.bytes_key);
  CHECK(grey.signature.pixels_key == flipped.signature.pixels_key);
  CHECK(grey.signature.pixels_key != read_image_bytes(bmp(40, 30, 91), ImageParams{}).signature.pixels_key);
}

TEST_CASE("images: a GIF's first frame is decoded, transparency and all") {
  // The classic 1×1 GIF: a white pixel made transparent by the graphic control extension.
  const std::string pixel(
      "GIF89a\x01\x00\x01\x00\x80\x00\x00\xff\xff\xff\x00\x00\x00!\xf9\x04\x01\x00\x00\x00\x00"
      ",\x00\x00\x00\x00\x01\x00\x01\x00\x00\x02\x02\x44\x01\x00;",
      43);
  const auto read = read_image_bytes(pixel, ImageParams{});
  REQUIRE(read.ok);
  CHECK(read.signature.format == ImageFormat::gif);
  CHECK(read.signature.width == 1);
  const auto screenshot = read_fixture("molina_teo/kafka/capturas/consumer.gif");
  CHECK_FALSE(screenshot.featureless);
}

TEST_CASE("images: PNG text chunks and EXIF text fields are read") {
  const auto png = probe_image(file_bytes(kCohort / "alvarez_lucia/kafka/capturas/consumidor.png"));
  std::set<std::string> keys;
  for (const auto& f : png.metadata) keys.insert(f.key);
  CHECK(keys == std::set<std::string>{"png:Creation Time", "png:Software"});

  // A JPEG header with an EXIF block (big-endian TIFF: Model in IFD0, DateTimeOriginal in the Exif IFD).
  const std::string tiff = "MM\0*"s + be32(8) + "\0\x02"s + "\x01\x10\0\x02"s + be32(6) + be32(38) +
                           "\x87\x69\0\x04"s + be32(1) + be32(44) + be32(0) + "Pixel\0"s + "\0\x01"s +
                           "\x90\x03\0\x02"s + be32(20) + be32(62) + be32(0) + "2024:11:13 19:42:05\0"s;
  const std::string app1 = "Exif\0\0"s + tiff;
  const std::string jpeg =
      "\xFF\xD8\xFF\xE1"s + static_cast<char>((app1.size() + 2) >> 8) + static_cast<char>(app1.size() + 2) +
      app1 + "\xFF\xC0\0\x0B\x08\x01\xE0\x02\x80\x01\x01\x11\x00"s + "\xFF\xDA\0\x02"s + "data" + "\xFF\xD9";
  const auto probe = probe_image(jpeg);
  REQUIRE(probe.ok);
  CHECK(probe.width == 640);
  CHECK(probe.height == 480);
  REQUIRE(probe.metadata.size() == 2);
  CHECK(probe.metadata[0].key == "exif:Model");
  CHECK(probe.metadata[0].value == "Pixel");
  CHECK(probe.metadata[1].key == "exif:DateTimeOriginal");
  CHECK(probe.metadata[1].value == "2024:11:13 19:42:05");
}

TEST_CASE("images: every transformed copy in the fixtures matches its original") {
  for (const auto& c : kCopies) {
    INFO(c.level);
    CHECK(matches(c.original, c.copy));
  }
}

TEST_CASE("images: no hard negative matches (same tool and theme, other data)") {
  for (const auto& [a, b] : kHardNegatives) CHECK_FALSE(matches(a, b));
}

TEST_CASE("images: on the fixture cohort, the copies are found and nothing else is") {
  auto cohort = discover_cohort(kCohort, DiscoveryOptions{});
  PipelineOptions options;
  options.base = {kCohort.parent_path() / "base"};
  const auto result = analyze(std::move(cohort.submissions), options);
  std::set<std::tuple<std::string, std::string, std::string, std::string>> expected, found;
  for (const auto& c : kCopies) {
    auto x =
        std::tuple{student(c.original), in_submission(c.original), student(c.copy), in_submission(c.copy)};
    if (std::get<0>(x) > std::get<2>(x)) x = {std::get<2>(x), std::get<3>(x), std::get<0>(x), std::get<1>(x)};
    expected.insert(x);
  }
  for (const auto& p : result.pairs) {
    const auto& a = result.submissions[p.a];
    const auto& b = result.submissions[p.b];
    for (const auto& m : p.image_matches)
      found.emplace(a.id, a.files[m.a_file].path, b.id, b.files[m.b_file].path);
    if (p.image_matches.empty()) continue;
    const auto& images = p.channels[channel_index(Channel::images)];
    CHECK(images.similarity > 0);
    CHECK(images.similarity <= 1);
  }
  CHECK(found == expected);
}

TEST_CASE("images: similarity is the share of both sides' images matched") {
  // Exact matches need no pixels: signatures with keys alone.
  const auto image = [](std::uint32_t file, std::string key) {
    ImageSignature s;
    s.file = file;
    s.bytes_key = s.pixels_key = std::move(key);
    s.featureless = true;
    return s;
  };
  const std::vector<std::vector<ImageSignature>> cohort = {
      {image(0, "diagram"), image(1, "a-own")},
      {image(0, "b-own"), image(3, "diagram"), image(4, "b-other")}};
  const auto pairs = match_images(cohort, {}, ImageParams{});
  REQUIRE(pairs.size() == 1);
  const auto& p = pairs[0];
  REQUIRE(p.matches.size() == 1);
  CHECK(p.matches[0].method == ImageMethod::bytes);
  CHECK(p.matches[0].a_file == 0);
  CHECK(p.matches[0].b_file == 3);
  CHECK(p.similarity == doctest::Approx(2.0 / 5));
  CHECK(p.coverage_a == doctest::Approx(0.5));
  CHECK(p.coverage_b == doctest::Approx(1.0 / 3));
}

TEST_CASE("images: metadata in exactly two submissions is evidence, a program's name is not") {
  const auto image = [](std::string key, std::string created) {
    ImageSignature s;
    s.bytes_key = s.pixels_key = std::move(key);
    s.featureless = true;
    s.metadata = {{"png:Creation Time", std::move(created)}, {"png:Software", "gnome-screenshot"}};
    return s;
  };
  const std::vector<std::vector<ImageSignature>> cohort = {{image("kafka", "2024-11-12 09:55:23")},
                                                           {image("kafka", "2024-11-12 09:55:23")},
                                                           {image("terraform", "2024-11-13 18:00:00")}};
  const auto pairs = match_images(cohort, {}, ImageParams{});
  REQUIRE(pairs.size() == 1);
  REQUIRE(pairs[0].metadata.size() == 1);
  CHECK(pairs[0].metadata[0].key == "png:Creation Time");
  CHECK(pairs[0].metadata[0].value == "2024-11-12 09:55:23");
}

TEST_CASE("images: an image in more submissions than the frequency cut is shared material") {
  std::vector<std::vector<ImageSignature>> cohort(12);
  for (auto& submission : cohort) {
    ImageSignature s;
    s.bytes_key = s.pixels_key = "logo del curso";
    s.featureless = true;
    submission.push_back(s);
  }
  CHECK(match_images(cohort, {}, ImageParams{}).empty());  // in 12 submissions, over the cut of 5
  cohort.resize(5);
  CHECK(match_images(cohort, {}, ImageParams{}).size() == 10);
}

TEST_CASE("images: the multi-index search finds what brute force finds") {
  std::mt19937_64 random(42);
  std::vector<PdqHash> hashes;
  for (int cluster = 0; cluster < 30; ++cluster) {
    const PdqHash centre{random(), random(), random(), random()};
    for (int member = 0; member < 10; ++member) {
      auto h = centre;
      const auto flips = random() % 48;
      for (std::uint64_t f = 0; f < flips; ++f) {
        const auto bit = random() % 256;
        h[bit / 64] ^= std::uint64_t{1} << (bit % 64);
      }
      hashes.push_back(h);
    }
  }
  for (const std::uint32_t radius : {0u, 8u, 24u, 40u, 70u}) {
    std::vector<std::pair<std::uint32_t, std::uint32_t>> brute;
    for (std::uint32_t i = 0; i < hashes.size(); ++i)
      for (std::uint32_t j = i + 1; j < hashes.size(); ++j)
        if (hamming_distance(hashes[i], hashes[j]) <= radius) brute.emplace_back(i, j);
    INFO("radius " << radius << ": " << brute.size() << " pairs");
    CHECK(near_hash_pairs(hashes, radius) == brute);
  }
}
