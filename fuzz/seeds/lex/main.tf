main.tf
resource "aws_s3_bucket" "b" {
  bucket = "datos-${var.env}"
  tags = { Name = "x" }
  policy = <<EOT
{"Version": "2012-10-17"}
EOT
}
