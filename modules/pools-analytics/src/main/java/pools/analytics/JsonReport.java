package pools.analytics;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Map;
import pools.api.ArenaStats;
import pools.api.BudgetStats;
import pools.api.Capability;
import pools.api.LeakReport;
import pools.api.PoolAnalytics;
import pools.api.PoolConfig;
import pools.api.PoolStats;
import pools.api.ProviderFailure;

/**
 * Renders a {@link PoolAnalytics} as JSON with Jackson's streaming generator. Field names are
 * the record accessors' names and are documented in {@code docs/report-format.md}; changing one
 * is a format change and bumps {@link #FORMAT_VERSION}. Every number is a JSON number.
 */
final class JsonReport {
    /** Version of the document's shape, written as {@code formatVersion}. */
    static final int FORMAT_VERSION = 2;

    /** Thread-safe once configured (Jackson's contract), so one serves every report. */
    private static final JsonFactory FACTORY = new JsonFactory();

    private JsonReport() {
    }

    /** The snapshot as an indented JSON document. */
    static String render(PoolAnalytics snapshot) {
        StringWriter out = new StringWriter(4096);
        try (JsonGenerator json = FACTORY.createGenerator(out)) {
            json.useDefaultPrettyPrinter();
            json.writeStartObject();
            json.writeNumberField("formatVersion", FORMAT_VERSION);
            json.writeStringField("takenAt", snapshot.takenAt().toString());
            json.writeNumberField("takenAtEpochMillis", snapshot.takenAt().toEpochMilli());
            json.writeObjectFieldStart("totals");
            json.writeNumberField("allocationsSaved", snapshot.allocationsSaved());
            json.writeNumberField("memoryReusedBytes", snapshot.memoryReusedBytes());
            // object pools know no byte size: their hits are counted here rather than read as 0 bytes
            json.writeNumberField("allocationsSavedOfUnknownSize", snapshot.pools().stream()
                    .filter(pool -> pool.bytesPerObject() == 0).mapToLong(PoolStats::hits).sum());
            json.writeEndObject();
            json.writeObjectFieldStart("providers");
            writeByCapability(json, snapshot.providers());
            json.writeEndObject();
            json.writeArrayFieldStart("pools");
            for (PoolStats pool : snapshot.pools()) {
                writePool(json, pool);
            }
            json.writeEndArray();
            writeArenas(json, snapshot.arenas());
            writeBudget(json, snapshot.budget());
            json.writeArrayFieldStart("leaks");
            for (LeakReport leak : snapshot.leaks()) {
                writeLeak(json, leak);
            }
            json.writeEndArray();
            json.writeArrayFieldStart("providerFailures");
            for (ProviderFailure failure : snapshot.providerFailures()) {
                json.writeStartObject();
                json.writeStringField("capability", failure.capability().name());
                json.writeStringField("error", failure.error());
                json.writeEndObject();
            }
            json.writeEndArray();
            writeConfig(json, snapshot.config());
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("a StringWriter cannot fail; Jackson reported: " + e.getMessage(), e);
        }
        return out.toString();
    }

    private static void writePool(JsonGenerator json, PoolStats pool) throws IOException {
        json.writeStartObject();
        json.writeStringField("name", pool.name());
        json.writeNumberField("hits", pool.hits());
        json.writeNumberField("misses", pool.misses());
        json.writeNumberField("created", pool.created());
        json.writeNumberField("allocated", pool.allocated());
        json.writeNumberField("freed", pool.freed());
        json.writeNumberField("inUse", pool.inUse());
        json.writeNumberField("peakInUse", pool.peakInUse());
        json.writeNumberField("free", pool.free());
        json.writeNumberField("capacity", pool.capacity());
        json.writeNumberField("maxCapacity", pool.maxCapacity());
        json.writeNumberField("refusals", pool.refusals());
        json.writeNumberField("trimmed", pool.trimmed());
        json.writeNumberField("bytesPerObject", pool.bytesPerObject());
        json.writeNumberField("reusedBytes", pool.reusedBytes());
        json.writeNumberField("hitRate", pool.hitRate());
        json.writeNumberField("utilizationRate", pool.utilizationRate());
        json.writeNumberField("efficiencyRate", pool.efficiencyRate());
        json.writeEndObject();
    }

    private static void writeArenas(JsonGenerator json, ArenaStats arenas) throws IOException {
        if (arenas == null) {
            json.writeNullField("arenas");
            return;
        }
        json.writeObjectFieldStart("arenas");
        json.writeNumberField("activeArenas", arenas.activeArenas());
        json.writeNumberField("pooledArenas", arenas.pooledArenas());
        json.writeNumberField("acquisitions", arenas.acquisitions());
        json.writeNumberField("pagesInUse", arenas.pagesInUse());
        json.writeNumberField("idlePages", arenas.idlePages());
        json.writeNumberField("reservedBytes", arenas.reservedBytes());
        json.writeNumberField("oversizeAllocations", arenas.oversizeAllocations());
        json.writeStringField("mode", arenas.mode().name());
        json.writeStringField("modeDescription", arenas.modeDescription());
        json.writeEndObject();
    }

    private static void writeBudget(JsonGenerator json, BudgetStats budget) throws IOException {
        json.writeObjectFieldStart("budget");
        json.writeNumberField("limitBytes", budget.limitBytes());
        json.writeNumberField("reservedBytes", budget.reservedBytes());
        json.writeNumberField("peakReservedBytes", budget.peakReservedBytes());
        json.writeNumberField("availableBytes", budget.availableBytes());
        json.writeNumberField("refusals", budget.refusals());
        json.writeEndObject();
    }

    private static void writeLeak(JsonGenerator json, LeakReport leak) throws IOException {
        json.writeStartObject();
        json.writeStringField("pool", leak.pool());
        json.writeStringField("description", leak.description());
        json.writeNumberField("acquiredNanos", leak.acquiredNanos());
        json.writeStringField("threadName", leak.threadName());
        json.writeArrayFieldStart("acquiredAt");
        for (StackTraceElement frame : leak.acquiredAt()) {
            json.writeString(frame.toString());
        }
        json.writeEndArray();
        json.writeEndObject();
    }

    private static void writeConfig(JsonGenerator json, PoolConfig config) throws IOException {
        json.writeObjectFieldStart("config");
        json.writeNumberField("smallPageSize", config.pageSizes().smallPageSize());
        json.writeNumberField("mediumPageSize", config.pageSizes().mediumPageSize());
        json.writeNumberField("largePageSize", config.pageSizes().largePageSize());
        json.writeNumberField("maxNodesPerPool", config.capacities().maxNodesPerPool());
        json.writeNumberField("maxSearchResultsPerPool", config.capacities().maxSearchResultsPerPool());
        json.writeNumberField("maxJsonObjectsPerPool", config.capacities().maxJsonObjectsPerPool());
        json.writeNumberField("maxEmbeddingsPerPool", config.capacities().maxEmbeddingsPerPool());
        json.writeNumberField("initialPoolCapacity", config.capacities().initialPoolCapacity());
        json.writeNumberField("embeddingDimension", config.embeddings().embeddingDimension());
        json.writeNumberField("embeddingAlignment", config.embeddings().embeddingAlignment());
        json.writeNumberField("primitiveArenaSize", config.arenaSizes().primitiveArenaSize());
        json.writeNumberField("searchArenaSize", config.arenaSizes().searchArenaSize());
        json.writeNumberField("jsonArenaSize", config.arenaSizes().jsonArenaSize());
        json.writeNumberField("maxTotalPoolMemoryMb", config.budget().maxTotalPoolMemoryMb());
        json.writeNumberField("poolGrowthFactor", config.budget().poolGrowthFactor());
        json.writeNumberField("arenaIdleRetainBytes", config.budget().arenaIdleRetainBytes());
        json.writeStringField("arenaSafety", config.safetyChecks().arenaSafety().name());
        json.writeStringField("leakDetection", config.safetyChecks().leakDetection().name());
        json.writeObjectFieldStart("preferredProviders");
        writeByCapability(json, config.preferredProviders());
        json.writeEndObject();
        json.writeEndObject();
    }

    /** Writes the entries of an open object in {@link Capability} order, so the output is stable. */
    private static void writeByCapability(JsonGenerator json, Map<Capability, String> names) throws IOException {
        for (Capability capability : Capability.values()) {
            String name = names.get(capability);
            if (name != null) {
                json.writeStringField(capability.name(), name);
            }
        }
    }
}
