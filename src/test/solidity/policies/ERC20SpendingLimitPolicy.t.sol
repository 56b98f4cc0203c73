// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.28;

import {PolicyTestBase} from "./PolicyTestBase.sol";
import {ConfigId} from "../../../main/solidity/smartsession/DataTypes.sol";
import {IPolicy} from "../../../main/solidity/smartsession/interfaces/IPolicy.sol";
import {ERC20SpendingLimitPolicy} from "../../../main/solidity/policies/ERC20SpendingLimitPolicy.sol";
import {CalldataReader} from "../../../main/solidity/policies/lib/CalldataReader.sol";
import {ERC20SpendingLimitPolicyHarness} from "./fixtures/ERC20SpendingLimitPolicyHarness.sol";

contract ERC20SpendingLimitPolicyTest is PolicyTestBase {
    ERC20SpendingLimitPolicyHarness internal policy;
    address internal constant TOKEN_A = address(0xA0);
    address internal constant TOKEN_B = address(0xB0);
    address internal constant TOKEN_C = address(0xC0);
    address internal constant BOB = address(0xB0B);

    function setUp() public {
        policy = new ERC20SpendingLimitPolicyHarness();
    }

    function _init(address mux, address account, ConfigId id, address[] memory tokens, uint256[] memory limits)
        internal
    {
        vm.prank(mux);
        policy.initializeWithMultiplexer(account, id, abi.encode(tokens, limits));
    }

    function _init2(address mux, address account, ConfigId id, uint256 limitA, uint256 limitB) internal {
        address[] memory t = new address[](2);
        uint256[] memory l = new uint256[](2);
        (t[0], t[1], l[0], l[1]) = (TOKEN_A, TOKEN_B, limitA, limitB);
        _init(mux, account, id, t, l);
    }

    function _check(address mux, address account, ConfigId id, address token, uint256 value, bytes memory data)
        internal
        returns (uint256)
    {
        vm.prank(mux);
        return policy.checkAction(id, account, token, value, data);
    }

    function _transfer(uint256 amount) internal pure returns (bytes memory) {
        return abi.encodeWithSelector(0xa9059cbb, BOB, amount);
    }

    function _transferFrom(address from, address to, uint256 amount) internal pure returns (bytes memory) {
        return abi.encodeWithSelector(0x23b872dd, from, to, amount);
    }

    function _approve(uint256 amount) internal pure returns (bytes memory) {
        return abi.encodeWithSelector(0x095ea7b3, BOB, amount);
    }

    function _increaseAllowance(uint256 amount) internal pure returns (bytes memory) {
        return abi.encodeWithSelector(0x39509351, BOB, amount);
    }

    function _data(address mux, address account, ConfigId id, address token)
        internal
        view
        returns (uint256 spent, uint256 approved, uint256 limit)
    {
        // An unconfigured token reverts InvalidTokenAddress (canonical); it reads as all zero here.
        try policy.getPolicyData(id, mux, token, account) returns (uint256 l, uint256 s, uint256 a) {
            return (s, a, l);
        } catch (bytes memory reason) {
            vm.assertEq(reason, abi.encodeWithSelector(ERC20SpendingLimitPolicy.InvalidTokenAddress.selector, token),
                "only an unconfigured token reverts");
            return (0, 0, 0);
        }
    }

    // ---------------------------------------------------------------- canonical getter

    function test_getPolicyData_canonicalOrder_limitSpentApproved() public {
        _init2(MUX, ACCOUNT, CID, 100, 200);
        vm.assertEq(_check(MUX, ACCOUNT, CID, TOKEN_A, 0, _transfer(30)), 0, "spend 30");
        vm.assertEq(_check(MUX, ACCOUNT, CID, TOKEN_A, 0, _approve(20)), 0, "approve 20");
        (uint256 limit, uint256 alreadySpent, uint256 approvedAmount) = policy.getPolicyData(CID, MUX, TOKEN_A, ACCOUNT);
        vm.assertEq(limit, 100, "spendingLimit first");
        vm.assertEq(alreadySpent, 30, "alreadySpent second");
        vm.assertEq(approvedAmount, 20, "approvedAmount third");
    }

    function test_getPolicyData_unconfiguredToken_revertsInvalidTokenAddress() public {
        _init2(MUX, ACCOUNT, CID, 100, 200);
        vm.expectRevert(abi.encodeWithSelector(ERC20SpendingLimitPolicy.InvalidTokenAddress.selector, TOKEN_C));
        policy.getPolicyData(CID, MUX, TOKEN_C, ACCOUNT);
    }

    // ---------------------------------------------------------------- init

    function test_init_storesLimits_andEmits() public {
        address[] memory t = new address[](2);
        uint256[] memory l = new uint256[](2);
        (t[0], t[1], l[0], l[1]) = (TOKEN_A, TOKEN_B, 100, 200);
        vm.expectEmit(address(policy));
        emit IPolicy.PolicySet(CID, MUX, ACCOUNT);
        _init(MUX, ACCOUNT, CID, t, l);
        (uint256 s, uint256 a, uint256 lim) = _data(MUX, ACCOUNT, CID, TOKEN_A);
        vm.assertEq(s + a, 0, "fresh");
        vm.assertEq(lim, 100, "limit A");
        (,, lim) = _data(MUX, ACCOUNT, CID, TOKEN_B);
        vm.assertEq(lim, 200, "limit B");
        address[] memory got = policy.configuredTokens(CID, MUX, ACCOUNT);
        vm.assertEq(got.length, 2, "2 tokens");
        vm.assertEq(got[0], TOKEN_A, "A");
        vm.assertEq(got[1], TOKEN_B, "B");
    }

    function test_init_revertsOnLengthMismatch() public {
        vm.expectRevert(ERC20SpendingLimitPolicy.InvalidInitDataLength.selector);
        _init(MUX, ACCOUNT, CID, new address[](2), new uint256[](1));
    }

    function test_init_revertsOnZeroToken() public {
        address[] memory t = new address[](1);
        uint256[] memory l = new uint256[](1);
        l[0] = 1;
        vm.expectRevert(abi.encodeWithSelector(ERC20SpendingLimitPolicy.InvalidTokenAddress.selector, address(0)));
        _init(MUX, ACCOUNT, CID, t, l);
    }

    function test_init_revertsOnZeroLimit() public {
        address[] memory t = new address[](1);
        t[0] = TOKEN_A;
        vm.expectRevert(abi.encodeWithSelector(ERC20SpendingLimitPolicy.InvalidLimit.selector, 0));
        _init(MUX, ACCOUNT, CID, t, new uint256[](1));
    }

    function test_init_revertsOnGarbage() public {
        vm.expectRevert();
        vm.prank(MUX);
        policy.initializeWithMultiplexer(ACCOUNT, CID, hex"1234");
    }

    function test_init_duplicateTokenKeepsLastLimit() public {
        address[] memory t = new address[](2);
        uint256[] memory l = new uint256[](2);
        (t[0], t[1], l[0], l[1]) = (TOKEN_A, TOKEN_A, 100, 7);
        _init(MUX, ACCOUNT, CID, t, l);
        (,, uint256 lim) = _data(MUX, ACCOUNT, CID, TOKEN_A);
        vm.assertEq(lim, 7, "last wins");
        vm.assertEq(policy.configuredTokens(CID, MUX, ACCOUNT).length, 1, "listed once");
    }

    function test_reinit_clearsAllPreviousTokens() public {
        _init2(MUX, ACCOUNT, CID, 100, 200);
        vm.assertEq(_check(MUX, ACCOUNT, CID, TOKEN_A, 0, _transfer(60)), 0, "spend A");
        vm.assertEq(_check(MUX, ACCOUNT, CID, TOKEN_B, 0, _approve(70)), 0, "approve B");

        // Re-init with only token C: A and B must be fully cleared.
        address[] memory t = new address[](1);
        uint256[] memory l = new uint256[](1);
        (t[0], l[0]) = (TOKEN_C, 5);
        _init(MUX, ACCOUNT, CID, t, l);
        (uint256 s, uint256 a, uint256 lim) = _data(MUX, ACCOUNT, CID, TOKEN_A);
        vm.assertEq(s + a + lim, 0, "A cleared");
        (s, a, lim) = _data(MUX, ACCOUNT, CID, TOKEN_B);
        vm.assertEq(s + a + lim, 0, "B cleared");
        vm.assertEq(_check(MUX, ACCOUNT, CID, TOKEN_A, 0, _transfer(1)), 1, "A no longer allowed");
        address[] memory got = policy.configuredTokens(CID, MUX, ACCOUNT);
        vm.assertEq(got.length, 1, "only C");
        vm.assertEq(got[0], TOKEN_C, "C");

        // Re-init with A again: counters start at 0.
        _init2(MUX, ACCOUNT, CID, 100, 200);
        (s, a, lim) = _data(MUX, ACCOUNT, CID, TOKEN_A);
        vm.assertEq(s, 0, "spent reset");
        vm.assertEq(a, 0, "approved reset");
        vm.assertEq(lim, 100, "limit");
        (,, lim) = _data(MUX, ACCOUNT, CID, TOKEN_C);
        vm.assertEq(lim, 0, "C cleared");
        vm.assertEq(_check(MUX, ACCOUNT, CID, TOKEN_A, 0, _transfer(100)), 0, "full budget again");
    }

    // ---------------------------------------------------------------- check

    function test_transfer_passAndFail_emitsTokenSpent() public {
        _init2(MUX, ACCOUNT, CID, 100, 200);
        vm.expectEmit(address(policy));
        emit ERC20SpendingLimitPolicy.TokenSpent(CID, MUX, TOKEN_A, ACCOUNT, 60, 40);
        vm.assertEq(_check(MUX, ACCOUNT, CID, TOKEN_A, 0, _transfer(60)), 0, "60");
        vm.assertEq(_check(MUX, ACCOUNT, CID, TOKEN_A, 0, _transfer(41)), 1, "101 > 100");
        vm.assertEq(_check(MUX, ACCOUNT, CID, TOKEN_A, 0, _transfer(40)), 0, "100");
        (uint256 s,,) = _data(MUX, ACCOUNT, CID, TOKEN_A);
        vm.assertEq(s, 100, "spent");
    }

    function test_approvals_countSeparately_andTogether() public {
        _init2(MUX, ACCOUNT, CID, 100, 200);
        vm.assertEq(_check(MUX, ACCOUNT, CID, TOKEN_A, 0, _approve(30)), 0, "approve 30");
        vm.assertEq(_check(MUX, ACCOUNT, CID, TOKEN_A, 0, _increaseAllowance(20)), 0, "increase 20");
        vm.assertEq(_check(MUX, ACCOUNT, CID, TOKEN_A, 0, _transfer(40)), 0, "transfer 40");
        (uint256 s, uint256 a,) = _data(MUX, ACCOUNT, CID, TOKEN_A);
        vm.assertEq(s, 40, "spent");
        vm.assertEq(a, 50, "approved");
        vm.assertEq(_check(MUX, ACCOUNT, CID, TOKEN_A, 0, _approve(11)), 1, "101 > 100");
        vm.assertEq(_check(MUX, ACCOUNT, CID, TOKEN_A, 0, _transfer(11)), 1, "101 > 100 (transfer)");
        vm.assertEq(_check(MUX, ACCOUNT, CID, TOKEN_A, 0, _approve(10)), 0, "100");
    }

    function test_transferFrom_toAccountCountsZero() public {
        _init2(MUX, ACCOUNT, CID, 100, 200);
        vm.assertEq(_check(MUX, ACCOUNT, CID, TOKEN_A, 0, _transferFrom(BOB, ACCOUNT, 1_000)), 0, "pull in");
        (uint256 s,,) = _data(MUX, ACCOUNT, CID, TOKEN_A);
        vm.assertEq(s, 0, "counts 0");
        vm.assertEq(_check(MUX, ACCOUNT, CID, TOKEN_A, 0, _transferFrom(ACCOUNT, BOB, 100)), 0, "push out 100");
        vm.assertEq(_check(MUX, ACCOUNT, CID, TOKEN_A, 0, _transferFrom(BOB, address(0xCAFE), 1)), 1, "third party");
        (s,,) = _data(MUX, ACCOUNT, CID, TOKEN_A);
        vm.assertEq(s, 100, "spent 100");
    }

    function test_valueNonZero_fails() public {
        _init2(MUX, ACCOUNT, CID, 100, 200);
        vm.assertEq(_check(MUX, ACCOUNT, CID, TOKEN_A, 1, _transfer(1)), 1, "value");
    }

    function test_otherSelector_fails() public {
        _init2(MUX, ACCOUNT, CID, 100, 200);
        vm.assertEq(_check(MUX, ACCOUNT, CID, TOKEN_A, 0, abi.encodeWithSelector(0x70a08231, BOB)), 1, "balanceOf");
        vm.assertEq(_check(MUX, ACCOUNT, CID, TOKEN_A, 0, hex""), 1, "empty calldata");
        vm.assertEq(_check(MUX, ACCOUNT, CID, TOKEN_A, 0, hex"a9059c"), 1, "3 bytes");
    }

    function test_truncatedOrDirtyArgs_revert() public {
        _init2(MUX, ACCOUNT, CID, 100, 200);
        vm.expectRevert(abi.encodeWithSelector(CalldataReader.ArgumentOutOfBounds.selector, 32, 40));
        _check(MUX, ACCOUNT, CID, TOKEN_A, 0, abi.encodePacked(bytes4(0xa9059cbb), bytes32(uint256(1)), bytes4(0)));
        vm.expectRevert(abi.encodeWithSelector(CalldataReader.DirtyAddressArgument.selector, 0));
        _check(MUX, ACCOUNT, CID, TOKEN_A, 0, abi.encodePacked(bytes4(0xa9059cbb), type(uint256).max, uint256(1)));
    }

    function test_unconfiguredToken() public {
        _init2(MUX, ACCOUNT, CID, 100, 200);
        vm.assertEq(_check(MUX, ACCOUNT, CID, TOKEN_C, 0, _transfer(1)), 1, "limit 0");
        vm.assertEq(_check(MUX, ACCOUNT, CID, TOKEN_C, 0, _transfer(0)), 0, "0 <= 0 (canonical)");
        vm.expectRevert(abi.encodeWithSelector(ERC20SpendingLimitPolicy.InvalidTokenAddress.selector, address(0)));
        _check(MUX, ACCOUNT, CID, address(0), 0, _transfer(0));
    }

    function test_isolation_betweenKeys() public {
        _init2(MUX, ACCOUNT, CID, 100, 200);
        _init2(MUX, ACCOUNT, CID2, 100, 200);
        _init2(MUX2, ACCOUNT, CID, 100, 200);
        _init2(MUX, ACCOUNT2, CID, 100, 200);
        vm.assertEq(_check(MUX, ACCOUNT, CID, TOKEN_A, 0, _transfer(100)), 0, "spend all");
        vm.assertEq(_check(MUX, ACCOUNT, CID, TOKEN_A, 0, _transfer(1)), 1, "exhausted");
        vm.assertEq(_check(MUX, ACCOUNT, CID2, TOKEN_A, 0, _transfer(100)), 0, "cid2");
        vm.assertEq(_check(MUX2, ACCOUNT, CID, TOKEN_A, 0, _transfer(100)), 0, "mux2");
        vm.assertEq(_check(MUX, ACCOUNT2, CID, TOKEN_A, 0, _transfer(100)), 0, "account2");
        vm.assertEq(_check(MUX, ACCOUNT, CID, TOKEN_B, 0, _transfer(200)), 0, "token B separate");
        // Re-init of one key leaves the others alone.
        _init2(MUX2, ACCOUNT, CID, 1, 1);
        (uint256 s,,) = _data(MUX, ACCOUNT, CID, TOKEN_A);
        vm.assertEq(s, 100, "MUX state untouched by MUX2 re-init");
        // A foreign caller only sees (and writes) its own empty slot.
        vm.assertEq(policy.checkAction(CID, ACCOUNT, TOKEN_A, 0, _transfer(1)), 1, "foreign caller has no budget");
    }

    function test_erc165() public view {
        _assertInterfaces(address(policy), false, true, false);
    }

    function testFuzz_accounting_matchesReference(uint256 limit, uint256[8] memory amounts, uint8[8] memory kinds)
        public
    {
        limit = bound(limit, 1, type(uint128).max);
        _init2(MUX, ACCOUNT, CID, limit, 1);
        uint256 spent;
        uint256 approved;
        for (uint256 i; i < 8; ++i) {
            uint256 amt = bound(amounts[i], 0, limit / 3 + 1);
            uint8 k = kinds[i] % 5;
            bytes memory data;
            uint256 counted = amt;
            if (k == 0) data = _transfer(amt);
            else if (k == 1) data = _approve(amt);
            else if (k == 2) data = _increaseAllowance(amt);
            else if (k == 3) data = _transferFrom(BOB, address(0xCAFE), amt);
            else (data, counted) = (_transferFrom(BOB, ACCOUNT, amt), 0);
            bool ok = spent + approved + counted <= limit;
            vm.assertEq(_check(MUX, ACCOUNT, CID, TOKEN_A, 0, data), ok ? 0 : 1, "decision");
            if (ok) {
                if (k == 1 || k == 2) approved += counted;
                else spent += counted;
            }
            (uint256 s, uint256 a,) = _data(MUX, ACCOUNT, CID, TOKEN_A);
            vm.assertEq(s, spent, "spent");
            vm.assertEq(a, approved, "approved");
        }
    }
}
