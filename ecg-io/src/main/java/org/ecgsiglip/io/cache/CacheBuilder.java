package org.ecgsiglip.io.cache;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.function.IntConsumer;
import org.ecgsiglip.io.CacheException;
import org.ecgsiglip.io.EcgRecord;
import org.ecgsiglip.io.RecordReader;
import org.ecgsiglip.io.dataset.LabeledDataset;
import org.ecgsiglip.io.preprocess.Preprocessing;
import org.ecgsiglip.io.util.AtomicFiles;

/**
 * Builds a cache folder resumably. Files: {@code build.json} (what is being built), {@code
 * signals.part} (the data, written in place, record {@code i} at byte {@code i * recordBytes}),
 * {@code progress} (records done, written atomically after the data is forced to disk); at the end
 * the data file is renamed to its final name and {@code index.json} is written atomically. A build
 * killed at any point resumes from its last checkpoint; a partial build of something else is
 * discarded.
 */
final class CacheBuilder {
    static final int CHECKPOINT_EVERY = 128;
    private static final ObjectMapper JSON = new ObjectMapper();

    private CacheBuilder() {
    }

    static void build(LabeledDataset dataset, Preprocessing prep, Path dir, CacheIndex target, IntConsumer onRecord) {
        try {
            Files.createDirectories(dir);
            Path buildJson = dir.resolve("build.json");
            Path part = dir.resolve("signals.part");
            Path progress = dir.resolve("progress");
            int start = 0;
            if (Files.exists(buildJson) && Files.exists(part) && Files.exists(progress)) {
                CacheIndex previous = read(buildJson);
                if (previous != null && previous.sameBuild(target)) {
                    start = readProgress(progress, target.count());
                }
            }
            if (start == 0) {
                Files.deleteIfExists(progress);
                Files.deleteIfExists(part);
                AtomicFiles.writeString(buildJson, JSON.writeValueAsString(target));
            }
            long recordBytes = target.recordBytes();
            try (FileChannel ch = FileChannel.open(part, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE)) {
                ByteBuffer buf = ByteBuffer.allocate(Math.toIntExact(recordBytes)).order(ByteOrder.LITTLE_ENDIAN);
                for (int i = start; i < target.count(); i++) {
                    onRecord.accept(i);
                    EcgRecord r = RecordReader.read(dataset.records().get(i).recordPath());
                    float[][] x = prep.apply(r);
                    buf.clear();
                    for (float[] lead : x) {
                        for (float v : lead) {
                            if (target.precision() == Precision.FLOAT32) {
                                buf.putFloat(v);
                            } else {
                                buf.putShort(Half.fromFloat(v));
                            }
                        }
                    }
                    buf.flip();
                    long pos = i * recordBytes;
                    while (buf.hasRemaining()) {
                        pos += ch.write(buf, pos);
                    }
                    if ((i + 1) % CHECKPOINT_EVERY == 0 || i + 1 == target.count()) {
                        ch.force(false);
                        AtomicFiles.writeString(progress, Integer.toString(i + 1));
                    }
                }
                ch.force(true);
            }
            AtomicFiles.moveIntoPlace(part, dir.resolve(target.precision().dataFileName()));
            AtomicFiles.writeString(dir.resolve("index.json"), JSON.writerWithDefaultPrettyPrinter()
                    .writeValueAsString(target));
            Files.deleteIfExists(progress);
            Files.deleteIfExists(buildJson);
        } catch (IOException e) {
            throw new CacheException(dir, null, "cannot write the cache: " + e.getMessage(),
                    "check free disk space and permissions, then build again (it resumes)", e);
        }
    }

    static CacheIndex read(Path json) {
        try {
            return JSON.readValue(json.toFile(), CacheIndex.class);
        } catch (JsonProcessingException e) {
            return null;
        } catch (IOException e) {
            throw new CacheException(json, null, "cannot read: " + e.getMessage(), "check permissions", e);
        }
    }

    private static int readProgress(Path progress, int count) throws IOException {
        try {
            int n = Integer.parseInt(Files.readString(progress, StandardCharsets.UTF_8).strip());
            return n >= 0 && n <= count ? n : 0;
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
