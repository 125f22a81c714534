package pools.it.demo;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * Writes a query's answer (maps, lists, strings, integers, {@link JsonNumber}s) as compact JSON
 * bytes into a segment, as a server would before sending it: the pooled run writes into a JSON
 * arena, the unpooled one into a fresh array. Strings are written as ASCII (the demo's are);
 * numbers with four decimals. Not thread-safe: one writer per thread, reused.
 *
 * <p>It also computes a digest of the answer's content, so that two runs can be compared: maps
 * contribute their entries in any order (a pooled map and a {@code HashMap} iterate
 * differently), lists in their order. Maps are walked with {@link Map#forEach} and a reused
 * callback, not an entry iterator, which would be a fresh object per map.
 */
final class AnswerWriter {
    private static final int MAP = 0x4d41_5000;
    private static final int LIST = 0x4c49_5354;

    private final BiConsumer<Object, Object> entryWriter = this::entry;
    private MemorySegment out;
    private long position;
    /** The entries of the map being written: their digests so far, and whether one was written. */
    private long entriesDigest;
    private boolean firstEntry;
    private long lastDigest;

    /** Writes {@code value} from the start of {@code into}; returns the bytes written. */
    long write(Object value, MemorySegment into) {
        out = into;
        position = 0;
        lastDigest = value(value);
        return position;
    }

    /** The digest of the answer last written. */
    long digest() {
        return lastDigest;
    }

    private long value(Object value) {
        switch (value) {
            case Map<?, ?> map -> {
                long outerDigest = entriesDigest;
                boolean outerFirst = firstEntry;
                entriesDigest = MAP;
                firstEntry = true;
                put('{');
                map.forEach(entryWriter);
                put('}');
                long digest = mix(entriesDigest);
                entriesDigest = outerDigest;
                firstEntry = outerFirst;
                return digest;
            }
            case List<?> list -> {
                long digest = LIST;
                put('[');
                for (int i = 0; i < list.size(); i++) {
                    if (i > 0) {
                        put(',');
                    }
                    digest = mix(digest * 31 + value(list.get(i)));
                }
                put(']');
                return digest;
            }
            case String text -> {
                string(text);
                return text.hashCode();
            }
            case JsonNumber number -> {
                return mix(decimal(number.value()));
            }
            case Long number -> {
                integer(number);
                return mix(number);
            }
            case Integer number -> {
                integer(number);
                return mix(number);
            }
            default -> throw new IllegalArgumentException("the demo's answers hold maps, lists, strings, "
                    + "Long, Integer and JsonNumber only, not " + value.getClass().getName());
        }
    }

    private void entry(Object key, Object value) {
        if (!firstEntry) {
            put(',');
        }
        firstEntry = false;
        String name = (String) key;
        string(name);
        put(':');
        // summed, so the order in which the map hands out its entries does not matter
        entriesDigest += mix(name.hashCode() * 31L + value(value));
    }

    private static long mix(long x) {
        long h = x * 0x9e3779b97f4a7c15L;
        return h ^ (h >>> 32);
    }
    private void string(String text) {
        put('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\') {
                put('\\');
            }
            put(c);
        }
        put('"');
    }

    /** Writes {@code value} with four decimals; returns it scaled by 10,000, as written. */
    private long decimal(double value) {
        long written = Math.round(value * 10_000.0);
        long scaled = written;
        if (scaled < 0) {
            put('-');
            scaled = -scaled;
        }
        integer(scaled / 10_000);
        put('.');
        long fraction = scaled % 10_000;
        for (long unit = 1_000; unit > 0; unit /= 10) {
            put((char) ('0' + fraction / unit % 10));
        }
        return written;
    }

    private void integer(long value) {
        if (value < 0) {
            put('-');
            value = -value;
        }
        long unit = 1;
        while (unit <= value / 10) {
            unit *= 10;
        }
        for (; unit > 0; unit /= 10) {
            put((char) ('0' + value / unit % 10));
        }
    }

    private void put(char c) {
        if (position == out.byteSize()) {
            throw new IllegalStateException("the answer is longer than its " + out.byteSize() + "-byte buffer");
        }
        out.set(ValueLayout.JAVA_BYTE, position++, (byte) c);
    }
}
