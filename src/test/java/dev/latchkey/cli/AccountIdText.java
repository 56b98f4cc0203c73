package dev.latchkey.cli;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/** The ABI {@code string} an {@code accountId()} call returns (test helper). */
final class AccountIdText {

    private AccountIdText() { }

    static String of(String returnData) {
        byte[] b = HexFormat.of().parseHex(returnData.replaceFirst("^0x", ""));
        int offset = new BigInteger(1, java.util.Arrays.copyOfRange(b, 0, 32)).intValueExact();
        int len = new BigInteger(1, java.util.Arrays.copyOfRange(b, offset, offset + 32)).intValueExact();
        return new String(b, offset + 32, len, StandardCharsets.UTF_8);
    }
}
