// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.28;

import {PolicyTestBase} from "./PolicyTestBase.sol";
import {IPolicy} from "../../../main/solidity/smartsession/interfaces/IPolicy.sol";
import {OperationDeadlinePolicy} from "../../../main/solidity/policies/OperationDeadlinePolicy.sol";

contract OperationDeadlinePolicyTest is PolicyTestBase {
    OperationDeadlinePolicy internal policy;

    function setUp() public {
        policy = new OperationDeadlinePolicy();
        vm.warp(1_699_920_000);
    }

    function _init(address mux, address account) internal {
        vm.prank(mux);
        policy.initializeWithMultiplexer(account, CID, "");
    }

    /// @dev execute(mode, "") with `until` in bytes 20..25 of the mode word and `claim` in bytes 26..31.
    function _execute(uint48 until, uint48 claim) internal pure returns (bytes memory) {
        return abi.encodeWithSelector(0xe9ae5c53, bytes32((uint256(until) << 48) | claim), hex"");
    }

    function _check(address mux, address account, bytes memory callData) internal returns (uint256) {
        vm.prank(mux);
        return policy.checkUserOpPolicy(CID, _userOp(account, callData));
    }

    function test_init_marksConfiguredAndEmits() public {
        vm.assertFalse(policy.isConfigured(CID, MUX, ACCOUNT), "before");
        vm.expectEmit(address(policy));
        emit IPolicy.PolicySet(CID, MUX, ACCOUNT);
        _init(MUX, ACCOUNT);
        vm.assertTrue(policy.isConfigured(CID, MUX, ACCOUNT), "after");
        vm.assertFalse(policy.isConfigured(CID, MUX2, ACCOUNT), "another multiplexer");
        vm.assertFalse(policy.isConfigured(CID2, MUX, ACCOUNT), "another config");
    }

    function test_uninitialized_reverts() public {
        vm.expectRevert(abi.encodeWithSelector(IPolicy.PolicyNotInitialized.selector, CID, MUX, ACCOUNT));
        _check(MUX, ACCOUNT, _execute(uint48(block.timestamp + 60), 0));
        _init(MUX, ACCOUNT);
        vm.expectRevert(abi.encodeWithSelector(IPolicy.PolicyNotInitialized.selector, CID, MUX2, ACCOUNT));
        _check(MUX2, ACCOUNT, _execute(uint48(block.timestamp + 60), 0));
    }

    function test_noDeadlineOrNotExecute_fails() public {
        _init(MUX, ACCOUNT);
        vm.assertEq(_check(MUX, ACCOUNT, _execute(0, uint48(block.timestamp))), 1, "deadline 0 would mean no expiry");
        vm.assertEq(_check(MUX, ACCOUNT, abi.encodeWithSelector(0x12345678, bytes32(uint256(1) << 48))), 1, "not execute");
        vm.assertEq(_check(MUX, ACCOUNT, hex"e9ae5c53"), 1, "no mode word");
    }

    function test_interfaces() public view {
        _assertInterfaces(address(policy), true, false, false);
    }

    /// @dev Whatever the deadline and the other claim, the result is exactly validUntil = deadline, validAfter = 0,
    ///      and it does not depend on the block time (validation reads no clock).
    function testFuzz_returnsTheDeadlineAsValidUntil(uint48 until, uint48 claim, uint40 warp) public {
        vm.assume(until != 0);
        _init(MUX, ACCOUNT);
        vm.warp(uint256(warp) + 1);
        uint256 vd = _check(MUX, ACCOUNT, _execute(until, claim));
        vm.assertEq(vd, uint256(until) << 160, "validUntil only");
        (bool ok, uint48 read) = policy.deadlineOf(_execute(until, claim));
        vm.assertTrue(ok, "execute");
        vm.assertEq(read, until, "deadlineOf");
    }
}
