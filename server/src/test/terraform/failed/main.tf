# A workforce whose provisioning the test makes fail (a fault rule with
# failProvisioning): the provider's waiter must stop at Failed and report the
# FailureReason. Its own account, so the main module's state is untouched.

terraform {
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "5.100.0"
    }
  }
}

variable "endpoint" {
  type = string
}

provider "aws" {
  region                      = "us-west-2"
  access_key                  = "777788889999"
  secret_key                  = "any-secret"
  skip_credentials_validation = true
  skip_requesting_account_id  = true
  skip_metadata_api_check     = true
  endpoints {
    sagemaker = var.endpoint
  }
}

resource "aws_sagemaker_workforce" "doomed" {
  workforce_name = "doomed"

  cognito_config {
    client_id = "doomed-client"
    user_pool = "us-west-2_EXAMPLE2"
  }
}
