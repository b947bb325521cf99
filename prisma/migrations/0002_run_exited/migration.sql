-- AlterEnum
ALTER TYPE "RunStatus" ADD VALUE 'EXITED';

