// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.28;

import {PolicyTestBase} from "./PolicyTestBase.sol";
import {ConfigId} from "../../../main/solidity/smartsession/DataTypes.sol";
import {IPolicy} from "../../../main/solidity/smartsession/interfaces/IPolicy.sol";
import {PackedUserOperation} from "@openzeppelin/contracts/interfaces/IERC4337.sol";
import {GasCostLimitPolicy} from "../../../main/solidity/policies/GasCostLimitPolicy.sol";

contract GasCostLimitPolicyTest is PolicyTestBase {
    GasCostLimitPolicy internal policy;

    function setUp() public {
        policy = new GasCostLimitPolicy();
        vm.fee(10 gwei);
    }

    function _init(address mux, address account, ConfigId id, uint256 limit) internal {
        vm.prank(mux);
        policy.initializeWithMultiplexer(account, id, abi.encode(limit));
    }

    function _op(
        address sender,
        uint256 verificationGas,
        uint256 callGas,
        uint256 preVerificationGas,
        uint256 priorityFee,
        uint256 maxFee,
        bytes memory paymasterAndData
    ) internal pure returns (PackedUserOperation memory op) {
        op.sender = sender;
        op.accountGasLimits = _packHiLo(verificationGas, callGas);
        op.preVerificationGas = preVerificationGas;
        op.gasFees = _packHiLo(priorityFee, maxFee);
        op.paymasterAndData = paymasterAndData;
    }

    function _check(address mux, ConfigId id, PackedUserOperation memory op) internal returns (uint256) {
        vm.prank(mux);
        return policy.checkUserOpPolicy(id, op);
    }

    function _used(address mux, address account, ConfigId id) internal view returns (uint256 used) {
        (used,) = policy.getUsage(id, mux, account);
    }

    function test_init_storesAndEmits() public {
        vm.expectEmit(address(policy));
        emit IPolicy.PolicySet(CID, MUX, ACCOUNT);
        _init(MUX, ACCOUNT, CID, 1 ether);
        (uint256 used, uint256 limit) = policy.getUsage(CID, MUX, ACCOUNT);
        vm.assertEq(used, 0, "used");
        vm.assertEq(limit, 1 ether, "limit");
    }

    function test_init_reverts() public {
        vm.expectRevert(abi.encodeWithSelector(GasCostLimitPolicy.InvalidLimit.selector, 0));
        _init(MUX, ACCOUNT, CID, 0);
        vm.expectRevert(GasCostLimitPolicy.InvalidInitDataLength.selector);
        vm.prank(MUX);
        policy.initializeWithMultiplexer(ACCOUNT, CID, new bytes(31));
    }

    function test_uninitialized_reverts() public {
        vm.expectRevert(abi.encodeWithSelector(IPolicy.PolicyNotInitialized.selector, CID, MUX, ACCOUNT));
        _check(MUX, CID, _op(ACCOUNT, 1, 1, 1, 1, 1, hex""));
    }

    function test_cost_usesMaxFeePerGas_andFailsOverLimit() public {
        // gas = 100k + 200k + 50k = 350k; price = maxFeePerGas 30 gwei, whatever the base fee (validation reads none)
        vm.fee(10 gwei);
        uint256 cost = 350_000 * 30 gwei;
        _init(MUX, ACCOUNT, CID, 2 * cost);
        PackedUserOperation memory op = _op(ACCOUNT, 100_000, 200_000, 50_000, 2 gwei, 30 gwei, hex"");
        vm.assertEq(_check(MUX, CID, op), 0, "1st");
        vm.assertEq(_used(MUX, ACCOUNT, CID), cost, "used = cost");
        vm.assertEq(_check(MUX, CID, op), 0, "2nd reaches limit exactly");
        vm.assertEq(_check(MUX, CID, op), 1, "3rd over limit");
        vm.assertEq(_used(MUX, ACCOUNT, CID), 2 * cost, "used unchanged on failure");
    }

    function test_cost_ignoresBaseFeeAndPriority() public {
        _init(MUX, ACCOUNT, CID, type(uint256).max);
        vm.fee(1);
        vm.assertEq(_check(MUX, CID, _op(ACCOUNT, 1000, 0, 0, 5 gwei, 11 gwei, hex"")), 0, "low base fee");
        vm.fee(100 gwei);
        vm.assertEq(_check(MUX, CID, _op(ACCOUNT, 1000, 0, 0, 0, 11 gwei, hex"")), 0, "high base fee");
        vm.assertEq(_used(MUX, ACCOUNT, CID), 2 * 1000 * 11 gwei, "both at maxFeePerGas");
    }

    function test_cost_includesPaymasterGasOnlyFrom52Bytes() public {
        _init(MUX, ACCOUNT, CID, type(uint256).max);
        bytes memory pm = abi.encodePacked(address(0x9A9), uint128(70_000), uint128(30_000), hex"ff");
        vm.assertEq(_check(MUX, CID, _op(ACCOUNT, 1000, 0, 0, 0, 1, pm)), 0, "with paymaster");
        vm.assertEq(_used(MUX, ACCOUNT, CID), 101_000, "1000 + 70000 + 30000");
        bytes memory shortPm = abi.encodePacked(address(0x9A9), uint128(70_000), bytes15(0));
        vm.assertEq(_check(MUX, CID, _op(ACCOUNT, 1000, 0, 0, 0, 1, shortPm)), 0, "51 bytes");
        vm.assertEq(_used(MUX, ACCOUNT, CID), 102_000, "paymaster gas ignored below 52 bytes");
    }

    function test_cost_overflow_fails() public {
        _init(MUX, ACCOUNT, CID, type(uint256).max);
        PackedUserOperation memory op =
            _op(ACCOUNT, type(uint128).max, type(uint128).max, type(uint256).max, 0, type(uint128).max, hex"");
        vm.assertEq(_check(MUX, CID, op), 1, "gas sum overflow");
        op = _op(ACCOUNT, type(uint128).max, type(uint128).max, 0, type(uint128).max, type(uint128).max, hex"");
        vm.assertEq(_check(MUX, CID, op), 1, "gas * price overflow");
        vm.assertEq(_used(MUX, ACCOUNT, CID), 0, "nothing consumed");
    }

    function test_reinit_resetsUsed() public {
        _init(MUX, ACCOUNT, CID, 1e18);
        vm.assertEq(_check(MUX, CID, _op(ACCOUNT, 1000, 0, 0, 0, 1 gwei, hex"")), 0, "spend");
        _init(MUX, ACCOUNT, CID, 5e18);
        (uint256 used, uint256 limit) = policy.getUsage(CID, MUX, ACCOUNT);
        vm.assertEq(used, 0, "reset");
        vm.assertEq(limit, 5e18, "new limit");
    }

    function test_isolation_betweenKeys() public {
        PackedUserOperation memory op = _op(ACCOUNT, 1000, 0, 0, 0, 1, hex"");
        _init(MUX, ACCOUNT, CID, 1000);
        _init(MUX, ACCOUNT, CID2, 1000);
        _init(MUX2, ACCOUNT, CID, 1000);
        _init(MUX, ACCOUNT2, CID, 1000);
        vm.assertEq(_check(MUX, CID, op), 0, "spend");
        vm.assertEq(_check(MUX, CID, op), 1, "exhausted");
        vm.assertEq(_check(MUX, CID2, op), 0, "cid2");
        vm.assertEq(_check(MUX2, CID, op), 0, "mux2");
        op.sender = ACCOUNT2;
        vm.assertEq(_check(MUX, CID, op), 0, "account2");
        vm.expectRevert(abi.encodeWithSelector(IPolicy.PolicyNotInitialized.selector, CID, address(this), ACCOUNT2));
        policy.checkUserOpPolicy(CID, op);
    }

    function test_erc165() public view {
        _assertInterfaces(address(policy), true, false, false);
    }

    /// @dev g = [verificationGasLimit, callGasLimit, preVerificationGas, pmVerification, pmPostOp, priority, maxFee]
    function testFuzz_cost_matchesReference(uint64[7] memory g, uint64 basefee, bool withPaymaster) public {
        vm.fee(basefee);
        bytes memory pm = withPaymaster ? abi.encodePacked(address(0x9A9), uint128(g[3]), uint128(g[4])) : bytes("");
        PackedUserOperation memory op = _op(ACCOUNT, g[0], g[1], g[2], g[5], g[6], pm);
        uint256 expected = _referenceCost(g, withPaymaster);

        (bool ok, uint256 cost) = policy.maxCost(op);
        vm.assertTrue(ok, "no overflow for 64-bit inputs");
        vm.assertEq(cost, expected, "maxCost");

        uint256 limit = expected + (uint256(g[0]) % 3 == 0 ? 0 : 1);
        if (limit == 0) limit = 1;
        _init(MUX, ACCOUNT, CID, limit);
        vm.assertEq(_check(MUX, CID, op), 0, "fits");
        vm.assertEq(_used(MUX, ACCOUNT, CID), expected, "used");
        // A second identical op fits only if there is room for it.
        vm.assertEq(_check(MUX, CID, op), expected <= limit - expected ? 0 : 1, "second op");
    }

    function _referenceCost(uint64[7] memory g, bool withPaymaster) internal pure returns (uint256) {
        uint256 gas = uint256(g[0]) + g[1] + g[2] + (withPaymaster ? uint256(g[3]) + g[4] : 0);
        return gas * g[6];
    }
}
