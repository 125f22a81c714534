package pools.it.demo;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.Arrays;

/**
 * What indexing reads out of one file's text: a feature-hashed bag of its identifiers (the
 * embedding, before normalization), the names it refers to (imports, and capitalized
 * identifiers read as classes of its own package) as 64-bit hashes of their qualified names,
 * and a sample of its identifiers from which queries are made later. Java-like text is assumed;
 * any text works, it just yields fewer references. No model, no download: the same file always
 * gives the same features.
 *
 * <p>Hashes are FNV-1a over the name's bytes, so {@code hash("java.util.List")} can be computed
 * by continuing the package's hash with {@code ".List"} without building a string. Not
 * thread-safe: one scanner per indexing thread, reused.
 */
final class FileFeatures {
    static final int QUERY_FEATURES = 48;
    /** Every how many identifiers one goes into the query sample. */
    private static final int SAMPLE_EVERY = 5;
    private static final long FNV_BASIS = 0xcbf29ce484222325L;
    private static final long PACKAGE = hash("package");
    private static final long IMPORT = hash("import");
    private static final long STATIC = hash("static");

    private enum Mode { TEXT, PACKAGE_NAME, IMPORT_NAME }

    private long[] refs = new long[256];
    /** The hash of the last file's {@code "package."}, or the empty hash without a package declaration. */
    private long prefix = FNV_BASIS;
    private int refCount;
    private final int[] sample = new int[QUERY_FEATURES];
    private int sampleCount;

    /**
     * Scans {@code text}, adding each identifier's signed unit to {@code counts} ({@code
     * dimension} floats, zeroed by the caller). Afterwards {@link #references()} and
     * {@link #querySample()} describe this file.
     */
    void scan(MemorySegment text, MemorySegment counts, int dimension) {
        refCount = 0;
        sampleCount = 0;
        prefix = FNV_BASIS;
        Mode mode = Mode.TEXT;
        long dotted = FNV_BASIS;
        boolean wildcard = false;
        int identifiers = 0;
        int length = (int) text.byteSize();
        for (int i = 0; i < length; i++) {
            byte b = text.get(ValueLayout.JAVA_BYTE, i);
            if (identifierStart(b)) {
                int end = i + 1;
                while (end < length && identifierPart(text.get(ValueLayout.JAVA_BYTE, end))) {
                    end++;
                }
                long h = continueHash(FNV_BASIS, text, i, end);
                if (mode != Mode.TEXT) {
                    if (!(mode == Mode.IMPORT_NAME && h == STATIC && dotted == FNV_BASIS)) {
                        dotted = continueHash(dotted, text, i, end);
                    }
                } else if (h == PACKAGE || h == IMPORT) {
                    mode = h == PACKAGE ? Mode.PACKAGE_NAME : Mode.IMPORT_NAME;
                    dotted = FNV_BASIS;
                    wildcard = false;
                } else {
                    int feature = feature(h, dimension);
                    int bucket = feature < 0 ? ~feature : feature;
                    float unit = feature < 0 ? -1f : 1f;
                    counts.setAtIndex(ValueLayout.JAVA_FLOAT, bucket,
                            counts.getAtIndex(ValueLayout.JAVA_FLOAT, bucket) + unit);
                    if (identifiers++ % SAMPLE_EVERY == 0 && sampleCount < QUERY_FEATURES) {
                        sample[sampleCount++] = feature;
                    }
                    if (b >= 'A' && b <= 'Z') {
                        addReference(continueHash(prefix, text, i, end));
                    }
                }
                i = end - 1;
            } else if (mode != Mode.TEXT) {
                if (b == '.') {
                    dotted = step(dotted, '.');
                } else if (b == '*') {
                    wildcard = true;
                } else if (b == ';') {
                    if (mode == Mode.PACKAGE_NAME) {
                        prefix = step(dotted, '.');
                    } else if (!wildcard) {
                        addReference(dotted);
                    }
                    mode = Mode.TEXT;
                }
            }
        }
        Arrays.sort(refs, 0, refCount);
        int distinct = 0;
        for (int i = 0; i < refCount; i++) {
            if (distinct == 0 || refs[distinct - 1] != refs[i]) {
                refs[distinct++] = refs[i];
            }
        }
        refCount = distinct;
    }

    /** The distinct hashes of the qualified names the last file refers to. */
    long[] references() {
        return Arrays.copyOf(refs, refCount);
    }

    /** The last file's sampled identifiers as features (see {@link #feature}). */
    int[] querySample() {
        return Arrays.copyOf(sample, sampleCount);
    }

    /** The hash of the last file's package, a dot, and {@code simpleName}: what other files' references name it by. */
    long qualifiedName(String simpleName) {
        long h = prefix;
        for (int i = 0; i < simpleName.length(); i++) {
            h = step(h, simpleName.charAt(i));
        }
        return h;
    }

    /**
     * An identifier's feature: the bucket it adds to, complemented ({@code ~bucket}) when it
     * subtracts. Signed buckets keep unrelated identifiers that share a bucket from adding up.
     */
    static int feature(long identifierHash, int dimension) {
        long mixed = identifierHash * 0x9e3779b97f4a7c15L;
        mixed ^= mixed >>> 29;
        int bucket = (int) Long.remainderUnsigned(mixed, dimension);
        return mixed < 0 ? ~bucket : bucket;
    }

    static long hash(String ascii) {
        long h = FNV_BASIS;
        for (int i = 0; i < ascii.length(); i++) {
            h = step(h, ascii.charAt(i));
        }
        return h;
    }

    private void addReference(long name) {
        if (refCount == refs.length) {
            refs = Arrays.copyOf(refs, refs.length * 2);
        }
        refs[refCount++] = name;
    }

    private static long continueHash(long h, MemorySegment text, int from, int to) {
        for (int i = from; i < to; i++) {
            h = step(h, text.get(ValueLayout.JAVA_BYTE, i));
        }
        return h;
    }

    private static long step(long h, int b) {
        return (h ^ (b & 0xff)) * 0x100000001b3L;
    }

    private static boolean identifierStart(byte b) {
        return (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z') || b == '_' || b == '$';
    }

    private static boolean identifierPart(byte b) {
        return identifierStart(b) || (b >= '0' && b <= '9');
    }
}
