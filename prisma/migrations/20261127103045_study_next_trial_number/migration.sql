-- AlterTable
ALTER TABLE "Study" ADD COLUMN     "nextTrialNumber" INTEGER NOT NULL DEFAULT 0;

-- Studies created before this column number their next trial after their last one.
UPDATE "Study" SET "nextTrialNumber" = COALESCE((SELECT MAX(number) + 1 FROM "Trial" WHERE "Trial"."studyId" = "Study".id), 0);
