// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.28;

import {Execution} from "@openzeppelin/contracts/interfaces/draft-IERC7579.sol";
import {TestBase} from "../utils/TestBase.sol";
import {ExecutionLib} from "../../../main/solidity/smartsession/lib/ExecutionLib.sol";
import {LibHarness} from "./fixtures/LibHarness.sol";

/// @dev Strict ERC-7579 execution decoding: never accept what abi.decode would not decode identically.
contract ExecutionLibTest is TestBase {
    LibHarness internal harness;

    function setUp() public {
        harness = new LibHarness();
    }

    /// @dev Reference: Solidity's own (strict) memory decoder.
    function refDecode(bytes memory data) external pure returns (Execution[] memory) {
        return abi.decode(data, (Execution[]));
    }

    /// @dev Either both decoders agree on the value, or ours reverts DecodingError().
    function _assertConsistent(bytes memory data) internal view {
        (bool ok, bytes memory ret) = address(harness).staticcall(abi.encodeCall(LibHarness.decodeBatch, (data)));
        if (ok) {
            (bool refOk, bytes memory refRet) = address(this).staticcall(abi.encodeCall(this.refDecode, (data)));
            vm.assertTrue(refOk, "accepted input that abi.decode rejects");
            vm.assertEq(keccak256(ret), keccak256(refRet), "decoded value differs from abi.decode");
        } else {
            vm.assertEq(ret, abi.encodeWithSelector(ExecutionLib.DecodingError.selector), "wrong revert");
        }
    }

    function _executions(uint256 n, bytes32 seed) internal pure returns (Execution[] memory es) {
        es = new Execution[](n);
        for (uint256 i; i < n; ++i) {
            bytes32 h = keccak256(abi.encode(seed, i));
            bytes memory data = new bytes(uint256(h) % 70);
            for (uint256 j; j < data.length; ++j) {
                data[j] = h[j % 32];
            }
            es[i] = Execution(address(uint160(uint256(h))), uint256(h) >> 200, data);
        }
    }

    function testFuzz_batchRoundTrip(uint8 n, bytes32 seed) public view {
        Execution[] memory es = _executions(bound(n, 0, 6), seed);
        Execution[] memory out = harness.decodeBatch(abi.encode(es));
        vm.assertEq(keccak256(abi.encode(out)), keccak256(abi.encode(es)), "round trip");
    }

    function testFuzz_batchGarbage(bytes calldata garbage) public view {
        _assertConsistent(garbage);
    }

    /// @dev Valid encodings with one word overwritten (often with a small value, i.e. a plausible offset/length)
    ///      and/or truncated: exercises every bounds check.
    function testFuzz_batchMutated(uint8 n, bytes32 seed, uint256 wordIndex, uint256 newValue, uint256 cut)
        public
        view
    {
        bytes memory enc = abi.encode(_executions(bound(n, 0, 4), seed));
        uint256 words = enc.length / 32;
        uint256 idx = wordIndex % words;
        if (newValue & 1 == 0) newValue = newValue % 0x200; // plausible offsets / lengths
        assembly ("memory-safe") {
            mstore(add(add(enc, 0x20), shl(5, idx)), newValue)
        }
        if (cut % 3 == 0) {
            uint256 newLen = cut % (enc.length + 1);
            assembly ("memory-safe") {
                mstore(enc, newLen)
            }
        }
        _assertConsistent(enc);
    }

    function test_batchRejectsShortAndOutOfBounds() public {
        vm.expectRevert(ExecutionLib.DecodingError.selector);
        harness.decodeBatch("");
        vm.expectRevert(ExecutionLib.DecodingError.selector);
        harness.decodeBatch(hex"0000000000000000000000000000000000000000000000000000000000000020");
        // array offset beyond the buffer
        vm.expectRevert(ExecutionLib.DecodingError.selector);
        harness.decodeBatch(abi.encode(uint256(0x40), uint256(0)));
        // length 1 but no room for the element pointer
        vm.expectRevert(ExecutionLib.DecodingError.selector);
        harness.decodeBatch(abi.encode(uint256(0x20), uint256(1)));
        // huge length
        vm.expectRevert(ExecutionLib.DecodingError.selector);
        harness.decodeBatch(abi.encode(uint256(0x20), type(uint256).max, uint256(0x20)));
    }

    /// @dev The Renascence-update PoC shape: a pointer table that points outside the execution data.
    function test_batchRejectsPointerOutsideBuffer() public {
        // offset 0x20, length 1, element pointer 0x20 -> element head would be at 0x60..0xc0, past the end (0x60)
        vm.expectRevert(ExecutionLib.DecodingError.selector);
        harness.decodeBatch(abi.encode(uint256(0x20), uint256(1), uint256(0x20)));
        // element head present, but its callData offset points past the end
        vm.expectRevert(ExecutionLib.DecodingError.selector);
        harness.decodeBatch(
            abi.encode(uint256(0x20), uint256(1), uint256(0x20), uint256(0xBEEF), uint256(0), uint256(0x1000))
        );
        // callData length runs past the end
        vm.expectRevert(ExecutionLib.DecodingError.selector);
        harness.decodeBatch(
            abi.encode(
                uint256(0x20), uint256(1), uint256(0x20), uint256(0xBEEF), uint256(0), uint256(0x60), uint256(33)
            )
        );
    }

    function test_batchRejectsDirtyAddress() public {
        Execution[] memory es = _executions(1, bytes32(0));
        bytes memory enc = abi.encode(es);
        // element 0 head starts at 0x20 (array offset) + 0x20 (length) + 0x20 (pointer) = 0x60
        assembly ("memory-safe") {
            mstore8(add(add(enc, 0x20), 0x60), 0x01)
        }
        vm.expectRevert(ExecutionLib.DecodingError.selector);
        harness.decodeBatch(enc);
    }

    function test_emptyBatchDecodes() public view {
        vm.assertEq(harness.decodeBatch(abi.encode(new Execution[](0))).length, 0, "empty batch decodes");
    }

    function test_decodeSingle() public {
        (address target, uint256 value, bytes memory data) =
            harness.decodeSingle(abi.encodePacked(address(0xBEEF), uint256(5), hex"a9059cbb01"));
        vm.assertEq(target, address(0xBEEF), "target");
        vm.assertEq(value, 5, "value");
        vm.assertEq(data, hex"a9059cbb01", "data");
        (,, data) = harness.decodeSingle(abi.encodePacked(address(0xBEEF), uint256(5)));
        vm.assertEq(data.length, 0, "empty data");
        vm.expectRevert(ExecutionLib.DecodingError.selector);
        harness.decodeSingle(abi.encodePacked(address(0xBEEF), uint128(5)));
    }

    function testFuzz_decodeUserOpCallData(bytes32 mode, bytes memory executionCalldata) public view {
        bytes memory callData = abi.encodeWithSelector(bytes4(0xe9ae5c53), mode, executionCalldata);
        (bytes32 m, bytes memory d) = harness.decodeUserOpCallData(callData);
        vm.assertEq(m, mode, "mode");
        vm.assertEq(d, executionCalldata, "executionCalldata");
    }

    function test_decodeUserOpCallDataStrict() public {
        // shorter than selector + two words
        vm.expectRevert(ExecutionLib.DecodingError.selector);
        harness.decodeUserOpCallData(abi.encodePacked(bytes4(0xe9ae5c53), bytes32(0), uint248(0)));
        // offset past the end
        vm.expectRevert(ExecutionLib.DecodingError.selector);
        harness.decodeUserOpCallData(abi.encodePacked(bytes4(0xe9ae5c53), bytes32(0), uint256(0x40)));
        // length past the end
        vm.expectRevert(ExecutionLib.DecodingError.selector);
        harness.decodeUserOpCallData(abi.encodePacked(bytes4(0xe9ae5c53), bytes32(0), uint256(0x40), uint256(1)));
        // huge length
        vm.expectRevert(ExecutionLib.DecodingError.selector);
        harness.decodeUserOpCallData(abi.encodePacked(bytes4(0xe9ae5c53), bytes32(0), uint256(0x40), type(uint256).max));
    }
}
