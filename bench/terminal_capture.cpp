#include "terminal_capture.h"

#include <opencv2/imgproc.hpp>

#include <string>
#include <vector>

namespace {

std::string random_line(std::mt19937& random) {
  static const std::vector<std::string> words = {"aws_s3_bucket.datos:",
                                                 "Creating...",
                                                 "Creation",
                                                 "complete",
                                                 "after",
                                                 "[id=",
                                                 "kafka",
                                                 "topic",
                                                 "offset",
                                                 "partition",
                                                 "sismo",
                                                 "M4.5",
                                                 "Chile",
                                                 "Peru",
                                                 "enviado",
                                                 "recibido",
                                                 "lambda",
                                                 "terraform",
                                                 "apply",
                                                 "bucket",
                                                 "iss-posiciones",
                                                 "2024-11-14",
                                                 "10:22:31",
                                                 "json",
                                                 "KiB",
                                                 "us7000"};
  std::string line;
  const int n = 3 + static_cast<int>(random() % 9);
  for (int i = 0; i < n; ++i)
    line += words[random() % words.size()] + (random() % 3 == 0 ? std::to_string(random() % 1000) : "") + " ";
  return line;
}

}  // namespace

cv::Mat terminal_capture(std::mt19937& random) {
  cv::Mat image(800, 1280, CV_8UC3, cv::Scalar(30, 30, 30));
  cv::rectangle(image, {0, 0}, {1280, 30}, cv::Scalar(45, 45, 45), cv::FILLED);
  for (int i = 0; i < 3; ++i)
    cv::circle(image, {18 + 22 * i, 15}, 6, cv::Scalar(80, 90 + 40 * i, 250 - 60 * i), cv::FILLED);
  const int lines = 20 + static_cast<int>(random() % 17);
  for (int l = 0; l < lines; ++l) {
    const cv::Scalar colour = random() % 5 == 0 ? cv::Scalar(52, 226, 138) : cv::Scalar(212, 212, 212);
    cv::putText(image, random_line(random), {12, 52 + 20 * l}, cv::FONT_HERSHEY_SIMPLEX, 0.45, colour, 1,
                cv::LINE_AA);
  }
  return image;
}

