// Images: the screenshots channel. Reads images within limits, hashes them, and finds the images
// two submissions share: byte-identical, pixel-identical, near-identical (a 256-bit DCT hash in
// the manner of PDQ), or partial copies (crops, a name typed over a corner, a capture pasted
// into a larger one) aligned by ORB keypoints and a RANSAC homography. Every perceptual match is
// confirmed by comparing the aligned pixels: captures of the same tool with other data share
// their layout and most of their text, and differ in scattered places a copy does not have.
// Knows corpus and text only.
#pragma once

#include <array>
#include <cstdint>
#include <filesystem>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace huella {

struct ImageParams {
  std::uint64_t max_pixels = 50'000'000;  // refused from the header, before decoding
  std::uint64_t max_bytes = 64u << 20;
  std::uint32_t working_side = 1600;  // larger images are decoded reduced (1/2, 1/4, 1/8)
  // Near-duplicates: pairs whose PDQ hashes are within hash_radius bits (47: every part of the
  // multi-index probed within 2 bits), at most hash_neighbours nearest per image (captures of one
  // tool crowd together), are compared aligned by scaling; those closer than realign_radius that
  // agree less than realign_below that way (a few pixels cut off) are aligned by keypoints.
  std::uint32_t hash_radius = 47;
  std::uint32_t hash_neighbours = 8;
  std::uint32_t realign_radius = 24;
  double realign_below = 0.75;
  std::uint32_t orb_features = 3000;
  double ratio_test = 0.8;                 // Lowe's ratio: best match clearly better than the second
  std::uint32_t min_inliers = 15;          // RANSAC inliers needed to trust an alignment
  std::uint32_t min_textured_cells = 100;  // 8×8 cells with content; fewer: too blank to compare
  double min_overlap = 0.5;                // the aligned part covers this much of one of the images
  double max_overlay_share = 0.25;         // one compact differing region (a typed name) is allowed...
  double max_scattered = 0.03;             // ...but not differences scattered over the overlap
  // Images in more submissions than this are material everybody shares (a provided diagram),
  // dropped as the text channels drop boilerplate; the pipeline sets it from the cohort's size
  // with the text channels' rule (IndexParams::frequency_cut).
  std::uint32_t frequency_cut = 5;
};

enum class ImageFormat : std::uint8_t { png, jpeg, gif, webp, bmp };
std::string_view image_format_name(ImageFormat format);

struct MetadataField {
  std::string key;  // "png:Software", "exif:DateTimeOriginal"
  std::string value;
};

// What the header says, read without decoding any pixel data.
struct ImageProbe {
  bool ok = false;
  std::string reason;  // one line, when !ok: unknown format, truncated, corrupt header
  ImageFormat format = ImageFormat::png;
  std::uint32_t width = 0, height = 0;
  std::vector<MetadataField> metadata;  // PNG text chunks, EXIF text fields
};

// Format and dimensions from the header (PNG IHDR, JPEG SOF, GIF logical screen, WebP
// VP8/VP8L/VP8X, BMP), text metadata, and the structure checks that cost no decoding: a PNG
// without IEND, a JPEG without its end-of-image marker, a RIFF shorter than it claims.
ImageProbe probe_image(std::string_view bytes);

using PdqHash = std::array<std::uint64_t, 4>;
std::uint32_t hamming_distance(const PdqHash& x, const PdqHash& y);

// What the channel keeps of one image; pixels are read again only to verify a candidate match.
struct ImageSignature {
  std::uint32_t file = 0;  // the caller's index of the file
  std::filesystem::path path;
  ImageFormat format = ImageFormat::png;
  std::uint32_t width = 0, height = 0;  // as stored
  std::string bytes_key;                // content_key of the file's bytes
  std::string pixels_key;               // content_key of the decoded pixels
  PdqHash pdq{};
  bool featureless = false;  // too little content to compare perceptually
  std::vector<MetadataField> metadata;
};

struct ImageRead {
  bool ok = false;
  std::string reason;  // one line, when !ok
  ImageSignature signature;
};

ImageRead read_image(const std::filesystem::path& path, const ImageParams& params);
ImageRead read_image_bytes(std::string_view bytes, const ImageParams& params);

// A small copy of an image for a report: decoded within the limits, the longest side reduced to
// at most `max_side` pixels (never enlarged), re-encoded as JPEG.
struct Thumbnail {
  bool ok = false;
  std::string reason;  // one line, when !ok
  std::string jpeg;
  std::uint32_t width = 0, height = 0;
};

Thumbnail make_thumbnail(const std::filesystem::path& path, const ImageParams& params,
                         std::uint32_t max_side);

// One way of aligning two images, and what the aligned pixels say.
struct ImageCheck {
  bool match = false;
  std::uint32_t inliers = 0;  // RANSAC inliers, when aligned by keypoints
  double agreement = 0;       // share of the overlap's textured cells that agree
  double scattered = 1;       // share that differ outside the one compact region forgiven
};

struct ImageComparison {
  std::uint32_t distance = 0;  // PDQ bits
  ImageCheck scaled;           // aligned by scaling alone (same aspect ratio)
  ImageCheck keypoints;        // aligned by ORB keypoints and a RANSAC homography
};

// Both checks of two images in detail (the channel runs the second only when the first fails),
// for tests and tuning. Reads both images again.
ImageComparison compare_images(const ImageSignature& a, const ImageSignature& b, const ImageParams& params);

// bytes and pixels: identical files, identical decoded pixels. pdq: the hashes were within
// hash_radius and the images agree aligned by scaling alone; orb: aligned by keypoints (crops,
// embedded captures, near-duplicates with a few pixels cut off).
enum class ImageMethod : std::uint8_t { bytes, pixels, pdq, orb };
std::string_view image_method_name(ImageMethod method);

struct ImageMatch {
  std::uint32_t a_file, b_file;  // ImageSignature::file of each side
  ImageMethod method;
  std::uint32_t distance;  // PDQ bits between the two images
  std::uint32_t inliers;   // RANSAC inliers (orb only)
  double agreement;        // share of the overlap's textured cells that agree (1 for bytes/pixels)
};

// The same metadata value in an image of each side and in no other submission (a creation time,
// a camera serial; never the program or camera model, which everyone using it shares).
struct MetadataMatch {
  std::uint32_t a_file, b_file;
  std::string key, value;
};

struct ImagePairResult {
  std::uint32_t a, b;  // submission indices, a < b
  std::vector<ImageMatch> matches;
  std::vector<MetadataMatch> metadata;
  std::uint32_t images_a = 0, images_b = 0;    // compared images of each side
  std::uint32_t matched_a = 0, matched_b = 0;  // of them, those with a match
  double similarity = 0;                       // (matched_a + matched_b) / (images_a + images_b)
  double coverage_a = 0, coverage_b = 0;
};

// Compares the images of every submission (`submissions[s]` are those of submission s) without
// comparing every image with every other: exact duplicates by key, near-duplicates through a
// multi-index over the PDQ hashes; ORB runs only between the images of `suspected` pairs (a < b)
// and of the pairs found sharing an image here. Returns the pairs with an image match, and the
// examined pairs with metadata in common; sorted by (a, b).
std::vector<ImagePairResult> match_images(std::span<const std::vector<ImageSignature>> submissions,
                                          std::span<const std::pair<std::uint32_t, std::uint32_t>> suspected,
                                          const ImageParams& params);

// Pairs of `hashes` within `radius` bits (i < j), by multi-index hashing: split into 16 parts of
// 16 bits, two hashes within r bits differ by at most r / 16 bits in some part, so only the
// buckets that close to each part are probed. Sorted.
std::vector<std::pair<std::uint32_t, std::uint32_t>> near_hash_pairs(std::span<const PdqHash> hashes,
                                                                     std::uint32_t radius);

}  // namespace huella
