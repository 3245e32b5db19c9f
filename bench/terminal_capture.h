// A synthetic 1280×800 terminal screenshot: a dark window with coloured buttons and 20 to 36
// lines of the words the course's terminals print, all drawn from `random`. Captures drawn from
// different seeds look alike to the eye and differ in every hash: the hard case for matching.
#pragma once

#include <opencv2/core.hpp>

#include <random>

cv::Mat terminal_capture(std::mt19937& random);
