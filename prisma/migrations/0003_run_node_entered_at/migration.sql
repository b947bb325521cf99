-- AlterTable
ALTER TABLE "Run" ADD COLUMN     "nodeEnteredAt" TIMESTAMPTZ(3);

