-- AlterEnum
ALTER TYPE "TrialState" ADD VALUE 'WAITING';
