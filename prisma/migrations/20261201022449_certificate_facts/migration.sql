-- AlterTable
ALTER TABLE "parties" ADD COLUMN     "basic_info_changed" BOOLEAN,
ADD COLUMN     "has_user_auth_certificate" BOOLEAN,
ADD COLUMN     "signature_certificate_expires_on" DATE,
ADD COLUMN     "user_auth_certificate_expires_on" DATE;
