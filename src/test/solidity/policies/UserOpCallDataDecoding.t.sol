// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.28;

import {TestBase} from "../utils/TestBase.sol";
import {ExecutionLib} from "../../../main/solidity/smartsession/lib/ExecutionLib.sol";

/// @dev Exposes ExecutionLib.decodeUserOpCallData (used by ValueLimitPolicy) and a solc-decoded twin with the same calldata shape.
contract UserOpCallDataHarness {
    function viaLib(bytes calldata callData) external pure returns (bytes32 mode, bytes memory exec) {
        return ExecutionLib.decodeUserOpCallData(callData);
    }

    /// @dev Selector-agnostic solc reference: called with `selector ‖ args`, solc decodes the args.
    function execute(bytes32 mode, bytes calldata exec) external pure returns (bytes32, bytes memory) {
        return (mode, exec);
    }
}

contract UserOpCallDataDecodingTest is TestBase {
    UserOpCallDataHarness internal h;

    function setUp() public {
        h = new UserOpCallDataHarness();
    }

    function test_selectorIsExecute() public pure {
        vm.assertEq(UserOpCallDataHarness.execute.selector, bytes4(0xe9ae5c53), "execute(bytes32,bytes)");
    }

    /// The library accepts exactly what solc's calldata decoder accepts, and yields the same values.
    function testFuzz_agreesWithSolcDecoder(bytes32 mode, uint256 offset, uint256 len, bytes memory payload, uint8 shape)
        public
        view
    {
        bytes memory args;
        shape = shape % 4;
        if (shape == 0) {
            args = abi.encode(mode, payload); // canonical
        } else if (shape == 1) {
            // Hand-built head with a fuzzed offset / length around the real size.
            offset = bound(offset, 0, 0x40 + payload.length + 64);
            len = bound(len, 0, payload.length + 64);
            args = abi.encodePacked(mode, offset, len, payload);
        } else if (shape == 2) {
            args = abi.encodePacked(mode, offset, len, payload); // arbitrary words
        } else {
            args = payload.length > 80 ? payload : bytes.concat(mode, payload); // raw bytes
        }
        bytes memory callData = bytes.concat(bytes4(0xe9ae5c53), args);

        (bool okRef, bytes memory retRef) = address(h).staticcall(callData);
        (bool okLib, bytes memory retLib) = address(h).staticcall(abi.encodeCall(h.viaLib, (callData)));
        vm.assertEq(okLib, okRef, "acceptance");
        if (okRef) vm.assertEq(keccak256(retLib), keccak256(retRef), "decoded values");
    }
}
