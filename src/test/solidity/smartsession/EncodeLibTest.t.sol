// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.28;

import {LibZip} from "solady/utils/LibZip.sol";
import {SmartSessionTestBase} from "./SmartSessionTestBase.sol";
import {EncodeLib} from "../../../main/solidity/smartsession/lib/EncodeLib.sol";
import {LibHarness} from "./fixtures/LibHarness.sol";
import "../../../main/solidity/smartsession/DataTypes.sol";

/// @dev Signature encodings of spec §2.1 and the FastLZ round trip.
contract EncodeLibTest is SmartSessionTestBase {
    LibHarness internal harness;

    function setUp() public override {
        super.setUp();
        harness = new LibHarness();
    }

    function testFuzz_flzRoundTrip(bytes memory data) public view {
        vm.assertEq(harness.decompress(LibZip.flzCompress(data)), data, "round trip");
    }

    /// @dev Repetitive input produces long matches (including the 262-byte chunked form).
    function testFuzz_flzRoundTripRepetitive(bytes32 seed, uint16 len, uint8 period) public view {
        uint256 n = bound(len, 0, 2000);
        uint256 p = bound(period, 1, 32);
        bytes memory data = new bytes(n);
        for (uint256 i; i < n; ++i) {
            data[i] = seed[i % p];
        }
        bytes memory compressed = LibZip.flzCompress(data);
        vm.assertEq(harness.decompress(compressed), data, "round trip");
    }

    function test_useEncoding() public pure {
        PermissionId pid = PermissionId.wrap(keccak256("pid"));
        bytes memory sig = EncodeLib.encodeUse(pid, hex"aabb");
        vm.assertEq(sig, abi.encodePacked(hex"00", keccak256("pid"), hex"aabb"), "USE layout");
    }

    function test_enableEncodingRoundTrip() public view {
        EnableSession memory es;
        es.chainDigestIndex = 1;
        es.hashesAndChainIds = new ChainDigest[](2);
        es.hashesAndChainIds[0] = ChainDigest(1, keccak256("a"));
        es.hashesAndChainIds[1] = ChainDigest(10, keccak256("b"));
        es.sessionToEnable = _session(keccak256("salt"));
        es.permissionEnableSig = hex"1234";
        bytes memory sig = EncodeLib.encodeEnable(SmartSessionMode.UNSAFE_ENABLE, es, hex"c0ffee");
        vm.assertEq(uint8(sig[0]), 2, "mode byte");
        bytes memory packed = new bytes(sig.length - 1);
        for (uint256 i; i < packed.length; ++i) {
            packed[i] = sig[i + 1];
        }
        vm.assertEq(harness.decompress(packed), abi.encode(es, hex"c0ffee"), "payload is FastLZ(abi.encode(es, sig))");
        (EnableSession memory out, bytes memory sessionSig) = harness.decodeEnable(packed);
        vm.assertEq(keccak256(abi.encode(out)), keccak256(abi.encode(es)), "EnableSession");
        vm.assertEq(sessionSig, hex"c0ffee", "session signature");
    }
}
