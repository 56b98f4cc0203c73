package dev.latchkey.chain;

import java.util.Objects;

/**
 * A compiled contract as packaged on the classpath: its ABI (JSON text) and creation bytecode (0x-hex).
 *
 * @param name     contract name, e.g. {@code SmartSession}
 * @param source   source path under {@code src/main/solidity}, or the npm package it came from
 * @param abiJson  the ABI as JSON text
 * @param bytecode creation bytecode, 0x-prefixed hex
 */
public record ContractArtifact(String name, String source, String abiJson, String bytecode) {

    public ContractArtifact {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(abiJson, "abiJson");
        Objects.requireNonNull(bytecode, "bytecode");
        if (!bytecode.matches("0x([0-9a-fA-F]{2})+")) {
            throw new IllegalArgumentException("artifact " + name + " has no valid creation bytecode");
        }
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
