package dev.latchkey.session.codec;

import java.io.ByteArrayOutputStream;

/**
 * FastLZ level-1 as in solady {@code LibZip}: {@link #compress} is a port of the JS {@code flzCompress} that
 * module-sdk uses (byte-for-byte, including the JS double-precision hash, spec §2.1); {@link #decompress} accepts
 * any valid stream, like the Solidity decoder, and rejects truncated or out-of-window streams.
 */
public final class FastLz {

    private FastLz() { }

    public static byte[] compress(byte[] ib) {
        int b = ib.length - 4;
        int[] ht = new int[8192];
        ByteArrayOutputStream ob = new ByteArrayOutputStream(ib.length / 2 + 16);
        int a = 0;
        int i = 2;
        while (i < b - 9) {
            int s;
            int c;
            int r;
            int d;
            while (true) {
                s = u24(ib, i);
                int h = hash(s);
                r = ht[h];
                ht[h] = i;
                d = i - r;
                c = d < 8192 ? u24(ib, r) : 0x1000000;
                if (!(i < b - 9)) break;
                i++;
                if (s == c) break;
            }
            if (i >= b - 9) break;
            if (--i > a) literals(ob, ib, i - a, a);
            int l = 0;
            int p = r + 3;
            int q = i + 3;
            int e = b - q;
            while (l < e) {
                if (ib[p + l] != ib[q + l]) e = 0;
                l++;
            }
            i += l;
            --d;
            for (; l > 262; l -= 262) {
                ob.write(224 + (d >> 8));
                ob.write(253);
                ob.write(d & 255);
            }
            if (l < 7) {
                ob.write((l << 5) + (d >> 8));
                ob.write(d & 255);
            } else {
                ob.write(224 + (d >> 8));
                ob.write(l - 7);
                ob.write(d & 255);
            }
            ht[hash(u24(ib, i))] = i++;
            ht[hash(u24(ib, i))] = i++;
            a = i;
        }
        literals(ob, ib, b + 4 - a, a);
        return ob.toByteArray();
    }

    public static byte[] decompress(byte[] ib) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(ib.length * 2 + 16);
        byte[] ob = new byte[Math.max(64, ib.length * 2)];
        int o = 0;
        int i = 0;
        while (i < ib.length) {
            int t = (ib[i] & 0xff) >> 5;
            if (t == 0) {
                int n = (ib[i] & 0xff) + 1;
                if (i + 1 + n > ib.length) throw new IllegalArgumentException("FastLZ: literal run past end of input at " + i);
                ob = ensure(ob, o + n);
                System.arraycopy(ib, i + 1, ob, o, n);
                o += n;
                i += 1 + n;
            } else {
                int len;
                int off;
                if (t < 7) {
                    if (i + 1 >= ib.length) throw new IllegalArgumentException("FastLZ: truncated match at " + i);
                    len = 2 + t;
                    off = 256 * (ib[i] & 31) + (ib[i + 1] & 0xff);
                    i += 2;
                } else {
                    if (i + 2 >= ib.length) throw new IllegalArgumentException("FastLZ: truncated long match at " + i);
                    len = 9 + (ib[i + 1] & 0xff);
                    off = 256 * (ib[i] & 31) + (ib[i + 2] & 0xff);
                    i += 3;
                }
                int from = o - off - 1;
                if (from < 0) throw new IllegalArgumentException("FastLZ: match reaches before the start of output");
                ob = ensure(ob, o + len);
                for (int k = 0; k < len; k++) ob[o++] = ob[from++];
            }
        }
        out.write(ob, 0, o);
        return out.toByteArray();
    }

    private static byte[] ensure(byte[] ob, int size) {
        return size <= ob.length ? ob : java.util.Arrays.copyOf(ob, Math.max(size, ob.length * 2));
    }

    private static void literals(ByteArrayOutputStream ob, byte[] ib, int r, int s) {
        while (r >= 32) {
            ob.write(31);
            ob.write(ib, s, 32);
            s += 32;
            r -= 32;
        }
        if (r > 0) {
            ob.write(r - 1);
            ob.write(ib, s, r);
        }
    }

    private static int u24(byte[] ib, int i) {
        return at(ib, i) | (at(ib, i + 1) << 8) | (at(ib, i + 2) << 16);
    }

    private static int at(byte[] ib, int i) {
        return i >= 0 && i < ib.length ? ib[i] & 0xff : 0;
    }

    /** JS {@code ((2654435769 * x) >> 19) & 8191}: the product is an IEEE double, then ToInt32. */
    static int hash(int x) {
        return ((int) (long) (2654435769.0 * x)) >> 19 & 8191;
    }
}
