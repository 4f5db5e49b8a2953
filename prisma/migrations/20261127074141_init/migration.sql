-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "StudyState" AS ENUM ('QUEUED', 'RUNNING', 'FINAL_MODEL', 'COMPLETE', 'CANCELLED', 'FAILED');

-- CreateEnum
CREATE TYPE "TrialState" AS ENUM ('RUNNING', 'COMPLETE', 'PRUNED', 'FAILED');

-- CreateTable
CREATE TABLE "Study" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "dataset" TEXT NOT NULL,
    "mode" TEXT NOT NULL,
    "directions" TEXT[],
    "config" JSONB NOT NULL,
    "state" "StudyState" NOT NULL DEFAULT 'QUEUED',
    "error" TEXT,
    "bestTrialId" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "startedAt" TIMESTAMP(3),
    "finishedAt" TIMESTAMP(3),

    CONSTRAINT "Study_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Trial" (
    "id" UUID NOT NULL,
    "studyId" UUID NOT NULL,
    "number" INTEGER NOT NULL,
    "params" JSONB NOT NULL DEFAULT '{}',
    "distributions" JSONB NOT NULL DEFAULT '{}',
    "state" "TrialState" NOT NULL DEFAULT 'RUNNING',
    "values" DOUBLE PRECISION[],
    "userAttrs" JSONB NOT NULL DEFAULT '{}',
    "systemAttrs" JSONB NOT NULL DEFAULT '{}',
    "workerId" TEXT,
    "heartbeatAt" TIMESTAMP(3),
    "retries" INTEGER NOT NULL DEFAULT 0,
    "error" TEXT,
    "startedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMP(3),

    CONSTRAINT "Trial_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TrialIntermediateValue" (
    "trialId" UUID NOT NULL,
    "step" INTEGER NOT NULL,
    "value" DOUBLE PRECISION NOT NULL,

    CONSTRAINT "TrialIntermediateValue_pkey" PRIMARY KEY ("trialId","step")
);

-- CreateTable
CREATE TABLE "EpochMetric" (
    "trialId" UUID NOT NULL,
    "epoch" INTEGER NOT NULL,
    "loss" DOUBLE PRECISION NOT NULL,
    "accuracy" DOUBLE PRECISION NOT NULL,
    "valLoss" DOUBLE PRECISION,
    "valAccuracy" DOUBLE PRECISION,
    "seconds" DOUBLE PRECISION NOT NULL,
    "samplesPerSecond" DOUBLE PRECISION NOT NULL,
    "diagnostics" JSONB,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "EpochMetric_pkey" PRIMARY KEY ("trialId","epoch")
);

-- CreateTable
CREATE TABLE "HealthReport" (
    "trialId" UUID NOT NULL,
    "neuronUtilization" DOUBLE PRECISION NOT NULL,
    "parameterEfficiency" DOUBLE PRECISION NOT NULL,
    "trainingStability" DOUBLE PRECISION NOT NULL,
    "gradientHealth" DOUBLE PRECISION NOT NULL,
    "convergenceQuality" DOUBLE PRECISION NOT NULL,
    "accuracyConsistency" DOUBLE PRECISION NOT NULL,
    "composite" DOUBLE PRECISION NOT NULL,
    "details" JSONB NOT NULL DEFAULT '{}',

    CONSTRAINT "HealthReport_pkey" PRIMARY KEY ("trialId")
);

-- CreateTable
CREATE TABLE "ArchitectureGraph" (
    "trialId" UUID NOT NULL,
    "elements" JSONB NOT NULL,
    "parameterCount" INTEGER NOT NULL,

    CONSTRAINT "ArchitectureGraph_pkey" PRIMARY KEY ("trialId")
);

-- CreateTable
CREATE TABLE "Artifact" (
    "id" UUID NOT NULL,
    "studyId" UUID NOT NULL,
    "trialId" UUID,
    "kind" TEXT NOT NULL,
    "path" TEXT NOT NULL,
    "contentType" TEXT NOT NULL,
    "sizeBytes" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Artifact_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Worker" (
    "id" TEXT NOT NULL,
    "host" TEXT NOT NULL,
    "pid" INTEGER NOT NULL,
    "backend" TEXT NOT NULL,
    "startedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "heartbeatAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "stoppedAt" TIMESTAMP(3),

    CONSTRAINT "Worker_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Event" (
    "sequence" BIGSERIAL NOT NULL,
    "studyId" UUID,
    "type" TEXT NOT NULL,
    "payload" JSONB NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Event_pkey" PRIMARY KEY ("sequence")
);

-- CreateIndex
CREATE UNIQUE INDEX "Study_name_key" ON "Study"("name");

-- CreateIndex
CREATE UNIQUE INDEX "Study_bestTrialId_key" ON "Study"("bestTrialId");

-- CreateIndex
CREATE INDEX "Study_state_idx" ON "Study"("state");

-- CreateIndex
CREATE INDEX "Study_dataset_idx" ON "Study"("dataset");

-- CreateIndex
CREATE INDEX "Trial_studyId_state_idx" ON "Trial"("studyId", "state");

-- CreateIndex
CREATE UNIQUE INDEX "Trial_studyId_number_key" ON "Trial"("studyId", "number");

-- CreateIndex
CREATE UNIQUE INDEX "Artifact_studyId_path_key" ON "Artifact"("studyId", "path");

-- CreateIndex
CREATE INDEX "Event_studyId_sequence_idx" ON "Event"("studyId", "sequence");

-- AddForeignKey
ALTER TABLE "Study" ADD CONSTRAINT "Study_bestTrialId_fkey" FOREIGN KEY ("bestTrialId") REFERENCES "Trial"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Trial" ADD CONSTRAINT "Trial_studyId_fkey" FOREIGN KEY ("studyId") REFERENCES "Study"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TrialIntermediateValue" ADD CONSTRAINT "TrialIntermediateValue_trialId_fkey" FOREIGN KEY ("trialId") REFERENCES "Trial"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EpochMetric" ADD CONSTRAINT "EpochMetric_trialId_fkey" FOREIGN KEY ("trialId") REFERENCES "Trial"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HealthReport" ADD CONSTRAINT "HealthReport_trialId_fkey" FOREIGN KEY ("trialId") REFERENCES "Trial"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ArchitectureGraph" ADD CONSTRAINT "ArchitectureGraph_trialId_fkey" FOREIGN KEY ("trialId") REFERENCES "Trial"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Artifact" ADD CONSTRAINT "Artifact_studyId_fkey" FOREIGN KEY ("studyId") REFERENCES "Study"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Artifact" ADD CONSTRAINT "Artifact_trialId_fkey" FOREIGN KEY ("trialId") REFERENCES "Trial"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Event" ADD CONSTRAINT "Event_studyId_fkey" FOREIGN KEY ("studyId") REFERENCES "Study"("id") ON DELETE CASCADE ON UPDATE CASCADE;
