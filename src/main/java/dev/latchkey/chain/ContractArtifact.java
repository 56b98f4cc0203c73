package dev.latchkey.chain;

import java.util.List;
import java.util.Objects;

/**
 * A compiled contract as packaged on the classpath: its ABI (JSON text), creation bytecode (0x-hex) and runtime
 * bytecode with the immutables' byte ranges (which forge leaves zero and the constructor fills).
 *
 * @param name             contract name, e.g. {@code SmartSession}
 * @param source           source path under {@code src/main/solidity}, or the npm package it came from
 * @param abiJson          the ABI as JSON text
 * @param bytecode         creation bytecode, 0x-prefixed hex
 * @param deployedBytecode runtime bytecode with immutables zeroed, 0x-prefixed hex ({@code 0x} when not packaged)
 * @param immutables       byte ranges of {@code deployedBytecode} that the constructor fills, by start
 */
public record ContractArtifact(String name, String source, String abiJson, String bytecode, String deployedBytecode,
                               List<ByteRange> immutables) {

    /** {@code length} bytes from {@code start} of the runtime code. */
    public record ByteRange(int start, int length) {
        public ByteRange {
            if (start < 0 || length <= 0) {
                throw new IllegalArgumentException("bad immutable range " + start + "+" + length);
            }
        }
    }

    public ContractArtifact {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(abiJson, "abiJson");
        Objects.requireNonNull(bytecode, "bytecode");
        deployedBytecode = deployedBytecode == null || deployedBytecode.isEmpty() ? "0x" : deployedBytecode;
        immutables = List.copyOf(immutables);
        if (!bytecode.matches("0x([0-9a-fA-F]{2})+")) {
            throw new IllegalArgumentException("artifact " + name + " has no valid creation bytecode");
        }
        if (!deployedBytecode.matches("0x([0-9a-fA-F]{2})*")) {
            throw new IllegalArgumentException("artifact " + name + " has invalid runtime bytecode");
        }
    }

    /** An artifact without runtime code (e.g. built by hand in a test). */
    public ContractArtifact(String name, String source, String abiJson, String bytecode) {
        this(name, source, abiJson, bytecode, "0x", List.of());
    }

    /** Size of the creation code in bytes. */
    public int bytecodeSize() {
        return (bytecode.length() - 2) / 2;
    }

    @Override
    public String toString() {
        return "ContractArtifact[" + name + " from " + source + ", " + bytecodeSize() + " bytes]";
    }
}
