-- AlterTable
ALTER TABLE "Worker" ADD COLUMN     "device" TEXT;
