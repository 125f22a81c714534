package pools.it.demo;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.List;
import java.util.Map;

/**
 * Writes a query's answer (maps, lists, strings, integers, floats) as compact JSON bytes into a
 * segment, as a server would before sending it: the pooled run writes into a JSON arena, the
 * unpooled one into a fresh array. Strings are written as ASCII (the demo's are); floats with
 * four decimals. Not thread-safe: one writer per thread, reused.
 */
final class AnswerWriter {
    private MemorySegment out;
    private long position;

    /** Writes {@code value} from the start of {@code into}; returns the bytes written. */
    long write(Object value, MemorySegment into) {
        out = into;
        position = 0;
        value(value);
        return position;
    }

    private void value(Object value) {
        switch (value) {
            case Map<?, ?> map -> {
                put('{');
                boolean first = true;
                for (Map.Entry<?, ?> entry : map.entrySet()) {
                    if (!first) {
                        put(',');
                    }
                    first = false;
                    string(String.valueOf(entry.getKey()));
                    put(':');
                    value(entry.getValue());
                }
                put('}');
            }
            case List<?> list -> {
                put('[');
                for (int i = 0; i < list.size(); i++) {
                    if (i > 0) {
                        put(',');
                    }
                    value(list.get(i));
                }
                put(']');
            }
            case String text -> string(text);
            case Float number -> decimal(number);
            case Long number -> integer(number);
            case Integer number -> integer(number);
            default -> throw new IllegalArgumentException("the demo's answers hold maps, lists, strings, "
                    + "Long, Integer and Float only, not " + value.getClass().getName());
        }
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

    private void decimal(float value) {
        long scaled = Math.round(value * 10_000.0);
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
