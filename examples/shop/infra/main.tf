# The shop's storage and network.
variable "environment" {
  type    = string
  default = "staging"
}

resource "aws_s3_bucket" "assets" {
  bucket = "shop-assets-${var.environment}"
}

resource "aws_security_group" "admin" {
  name        = "shop-admin"
  description = "Admin access"

  ingress {
    description = "SSH from anywhere"
    from_port   = 22
    to_port     = 22
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }
}

resource "aws_db_instance" "orders" {
  identifier          = "shop-orders"
  engine              = "postgres"
  instance_class      = "db.t4g.micro"
  allocated_storage   = 20
  publicly_accessible = true
}
