// Inputs the fuzz targets (fuzz/) found crashing, fed again as they were found.
#include <doctest/doctest.h>

#include <string>

#include "huella/images.h"

using namespace huella;

TEST_CASE("fuzz regression: a GIF 64768 pixels wide and 1 high is reduced, not refused by OpenCV") {
  // fuzz_image crash-30c7ab06: reducing the 1-pixel side by 8 asked cv::resize for height 0, and
  // its exception ended the whole run.
  const std::string gif(
      "\x47\x49\x46\x38\x39\x61\x00\xfd\x01\x00\x80\x00\x00\xff\xff\xff\x00\x00\x00\x21\xf9\x00"
      "\x21\xf9\x04\x01\x00\x00\x00\x00\x2c\x00\x00\x00\x00\x80\x01\x00\x00\x00\x04\x01\x00\x00"
      "\x00\x00\x2c\x00\x80\x01\x00\x00\x00\x04\x01\x00\x2c\x00\x00\x2c\x1a\x00\x80\x00\x00\xff"
      "\xff\x02\x3f\x01\x00\x3b",
      72);
  const auto read = read_image_bytes(gif, ImageParams{});
  REQUIRE(read.ok);
  CHECK(read.signature.width == 64768);
  CHECK(read.signature.height == 1);
  CHECK(read.signature.featureless);
}
