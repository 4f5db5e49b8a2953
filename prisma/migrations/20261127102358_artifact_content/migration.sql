-- CreateTable
CREATE TABLE "ArtifactContent" (
    "artifactId" UUID NOT NULL,
    "bytes" BYTEA NOT NULL,

    CONSTRAINT "ArtifactContent_pkey" PRIMARY KEY ("artifactId")
);

-- AddForeignKey
ALTER TABLE "ArtifactContent" ADD CONSTRAINT "ArtifactContent_artifactId_fkey" FOREIGN KEY ("artifactId") REFERENCES "Artifact"("id") ON DELETE CASCADE ON UPDATE CASCADE;
