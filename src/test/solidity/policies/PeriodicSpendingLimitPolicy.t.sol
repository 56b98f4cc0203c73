// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.28;

import {PolicyTestBase} from "./PolicyTestBase.sol";
import {ConfigId} from "../../../main/solidity/smartsession/DataTypes.sol";
import {IPolicy} from "../../../main/solidity/smartsession/interfaces/IPolicy.sol";
import {PeriodicSpendingLimitPolicy} from "../../../main/solidity/policies/PeriodicSpendingLimitPolicy.sol";

contract PeriodicSpendingLimitPolicyTest is PolicyTestBase {
    PeriodicSpendingLimitPolicy internal policy;
    uint256 internal constant T0 = 1_699_920_000; // a multiple of 1 day: periods align to the epoch
    uint48 internal constant DAY = 1 days;
    address internal constant TOKEN_A = address(0xA0);
    address internal constant TOKEN_B = address(0xB0);
    address internal constant TOKEN_C = address(0xC0);
    address internal constant BOB = address(0xB0B);

    function setUp() public {
        policy = new PeriodicSpendingLimitPolicy();
        vm.warp(T0);
    }

    function _init(address mux, address account, ConfigId id, uint256 limitA, uint256 limitB, uint48 period)
        internal
    {
        address[] memory t = new address[](2);
        uint256[] memory l = new uint256[](2);
        (t[0], t[1], l[0], l[1]) = (TOKEN_A, TOKEN_B, limitA, limitB);
        vm.prank(mux);
        policy.initializeWithMultiplexer(account, id, abi.encode(t, l, period));
    }

    /// @dev Checks `data` claiming the current block time (the test's stand-in for the signer's claim).
    function _check(address mux, address account, ConfigId id, address token, uint256 value, bytes memory data)
        internal
        returns (uint256)
    {
        return _raw(mux, account, id, token, value, abi.encodePacked(data, uint48(block.timestamp)));
    }

    function _raw(address mux, address account, ConfigId id, address token, uint256 value, bytes memory data)
        internal
        returns (uint256)
    {
        vm.prank(mux);
        return policy.checkAction(id, account, token, value, data);
    }

    /// @dev The validation data pinning an op into the period [start, start + period).
    function _in(uint256 start, uint256 period) internal pure returns (uint256) {
        return (start << 208) | ((start + period - 1) << 160);
    }

    function _transfer(uint256 amount) internal pure returns (bytes memory) {
        return abi.encodeWithSelector(0xa9059cbb, BOB, amount);
    }

    function _budget(address mux, address account, ConfigId id, address token)
        internal
        view
        returns (uint256 used, uint256 limit, uint48 start, uint48 period)
    {
        return policy.getBudget(id, mux, token, account);
    }

    function test_init_storesAndEmits() public {
        vm.expectEmit(address(policy));
        emit IPolicy.PolicySet(CID, MUX, ACCOUNT);
        _init(MUX, ACCOUNT, CID, 100, 200, DAY);
        (uint256 used, uint256 limit, uint48 start, uint48 period) = _budget(MUX, ACCOUNT, CID, TOKEN_A);
        vm.assertEq(used, 0, "used");
        vm.assertEq(limit, 100, "limit");
        vm.assertEq(start, T0, "periodStart: the current epoch-aligned period");
        vm.assertEq(period, DAY, "period");
        vm.assertEq(policy.getTokens(CID, MUX, ACCOUNT).length, 2, "2 tokens");
    }

    function test_init_reverts() public {
        address[] memory t = new address[](1);
        uint256[] memory l = new uint256[](1);
        vm.startPrank(MUX);
        vm.expectRevert(PeriodicSpendingLimitPolicy.InvalidInitDataLength.selector);
        policy.initializeWithMultiplexer(ACCOUNT, CID, abi.encode(t, new uint256[](2), DAY));
        l[0] = 1;
        vm.expectRevert(abi.encodeWithSelector(PeriodicSpendingLimitPolicy.InvalidTokenAddress.selector, address(0)));
        policy.initializeWithMultiplexer(ACCOUNT, CID, abi.encode(t, l, DAY));
        (t[0], l[0]) = (TOKEN_A, 0);
        vm.expectRevert(abi.encodeWithSelector(PeriodicSpendingLimitPolicy.InvalidLimit.selector, 0));
        policy.initializeWithMultiplexer(ACCOUNT, CID, abi.encode(t, l, DAY));
        l[0] = 1;
        vm.expectRevert(PeriodicSpendingLimitPolicy.InvalidPeriod.selector);
        policy.initializeWithMultiplexer(ACCOUNT, CID, abi.encode(t, l, uint48(0)));
        vm.expectRevert();
        policy.initializeWithMultiplexer(ACCOUNT, CID, hex"00");
        vm.stopPrank();
    }

    function test_spend_passFail_andRefill() public {
        _init(MUX, ACCOUNT, CID, 100, 200, DAY);
        vm.expectEmit(address(policy));
        emit PeriodicSpendingLimitPolicy.PeriodicTokenSpent(CID, MUX, TOKEN_A, ACCOUNT, 70, 30);
        vm.assertEq(_check(MUX, ACCOUNT, CID, TOKEN_A, 0, _transfer(70)), _in(T0, DAY), "70, pinned to period 0");
        vm.assertEq(_check(MUX, ACCOUNT, CID, TOKEN_A, 0, abi.encodeWithSelector(0x095ea7b3, BOB, 31)), 1, "approve 31");
        vm.assertEq(
            _check(MUX, ACCOUNT, CID, TOKEN_A, 0, abi.encodeWithSelector(0x39509351, BOB, 30)),
            _in(T0, DAY),
            "increase 30"
        );
        vm.warp(T0 + DAY - 1);
        vm.assertEq(_check(MUX, ACCOUNT, CID, TOKEN_A, 0, _transfer(1)), 1, "last second of period 0");
        vm.warp(T0 + DAY);
        (uint256 used,, uint48 start,) = _budget(MUX, ACCOUNT, CID, TOKEN_A);
        vm.assertEq(used, 0, "view refilled");
        vm.assertEq(start, T0 + DAY, "view period 1");
        vm.assertEq(_check(MUX, ACCOUNT, CID, TOKEN_A, 0, _transfer(100)), _in(T0 + DAY, DAY), "full budget in period 1");
        vm.assertEq(_check(MUX, ACCOUNT, CID, TOKEN_A, 0, _transfer(1)), 1, "exhausted in period 1");
        // Skip 3.5 periods: aligned start, no drift.
        vm.warp(T0 + 4 * DAY + DAY / 2);
        vm.assertEq(_check(MUX, ACCOUNT, CID, TOKEN_A, 0, _transfer(40)), _in(T0 + 4 * DAY, DAY), "period 4");
        (used,, start,) = _budget(MUX, ACCOUNT, CID, TOKEN_A);
        vm.assertEq(used, 40, "used 40");
        vm.assertEq(start, T0 + 4 * DAY, "aligned to the epoch");
    }

    function test_transferFromToAccount_countsZero_andRejections() public {
        _init(MUX, ACCOUNT, CID, 100, 200, DAY);
        bytes memory pull = abi.encodeWithSelector(0x23b872dd, BOB, ACCOUNT, 1_000);
        vm.assertEq(_check(MUX, ACCOUNT, CID, TOKEN_A, 0, pull), _in(T0, DAY), "pull counts 0");
        bytes memory push = abi.encodeWithSelector(0x23b872dd, ACCOUNT, BOB, 101);
        vm.assertEq(_check(MUX, ACCOUNT, CID, TOKEN_A, 0, push), 1, "push 101");
        vm.assertEq(_check(MUX, ACCOUNT, CID, TOKEN_A, 1, _transfer(1)), 1, "value != 0");
        vm.assertEq(_check(MUX, ACCOUNT, CID, TOKEN_A, 0, hex"70a08231"), 1, "other selector");
        vm.assertEq(_check(MUX, ACCOUNT, CID, TOKEN_C, 0, _transfer(0)), 1, "unconfigured token always fails");
        vm.assertEq(_raw(MUX, ACCOUNT, CID, TOKEN_A, 0, _transfer(1)), 1, "no claim suffix");
        vm.assertEq(
            _raw(MUX, ACCOUNT, CID, TOKEN_A, 0, abi.encodePacked(_transfer(1), hex"00", uint48(T0))), 1, "extra byte"
        );
        vm.assertEq(_raw(MUX, ACCOUNT, CID, TOKEN_A, 0, hex"a9059cbb0000"), 1, "short");
    }

    function test_claims_pinTheCountedPeriod_noClockRead() public {
        _init(MUX, ACCOUNT, CID, 100, 200, DAY);
        // Whatever the clock says, the claimed period is counted and returned; the EntryPoint judges time.
        bytes memory t60 = abi.encodePacked(_transfer(60), uint48(T0 + 2 * DAY + 5));
        vm.assertEq(_raw(MUX, ACCOUNT, CID, TOKEN_A, 0, t60), _in(T0 + 2 * DAY, DAY), "period 2");
        vm.assertEq(_raw(MUX, ACCOUNT, CID, TOKEN_A, 0, t60), 1, "period 2 over budget");
        bytes memory back = abi.encodePacked(_transfer(1), uint48(T0 + 2 * DAY - 1));
        vm.assertEq(_raw(MUX, ACCOUNT, CID, TOKEN_A, 0, back), 1, "a period before the counted one");
        bytes memory next = abi.encodePacked(_transfer(100), uint48(T0 + 3 * DAY));
        vm.assertEq(_raw(MUX, ACCOUNT, CID, TOKEN_A, 0, next), _in(T0 + 3 * DAY, DAY), "period 3 starts at 0");
    }

    function test_reinit_clearsAllPreviousTokens() public {
        _init(MUX, ACCOUNT, CID, 100, 200, DAY);
        vm.assertEq(_check(MUX, ACCOUNT, CID, TOKEN_A, 0, _transfer(100)), _in(T0, DAY), "spend A");
        address[] memory t = new address[](1);
        uint256[] memory l = new uint256[](1);
        (t[0], l[0]) = (TOKEN_C, 5);
        vm.warp(T0 + 100);
        vm.prank(MUX);
        policy.initializeWithMultiplexer(ACCOUNT, CID, abi.encode(t, l, uint48(3600)));
        (uint256 used, uint256 limit,,) = _budget(MUX, ACCOUNT, CID, TOKEN_A);
        vm.assertEq(used + limit, 0, "A cleared");
        (,limit,,) = _budget(MUX, ACCOUNT, CID, TOKEN_B);
        vm.assertEq(limit, 0, "B cleared");
        vm.assertEq(_check(MUX, ACCOUNT, CID, TOKEN_A, 0, _transfer(1)), 1, "A gone");
        uint48 start;
        uint48 period;
        (used, limit, start, period) = _budget(MUX, ACCOUNT, CID, TOKEN_C);
        vm.assertEq(limit, 5, "C limit");
        vm.assertEq(start, T0, "C: epoch-aligned hour holding T0 + 100");
        vm.assertEq(period, 3600, "C period");
        _init(MUX, ACCOUNT, CID, 100, 200, DAY);
        (used,,,) = _budget(MUX, ACCOUNT, CID, TOKEN_A);
        vm.assertEq(used, 0, "A fresh");
        (, limit,,) = _budget(MUX, ACCOUNT, CID, TOKEN_C);
        vm.assertEq(limit, 0, "C cleared");
    }

    function test_isolation_betweenKeys() public {
        _init(MUX, ACCOUNT, CID, 100, 200, DAY);
        _init(MUX, ACCOUNT, CID2, 100, 200, DAY);
        _init(MUX2, ACCOUNT, CID, 100, 200, DAY);
        _init(MUX, ACCOUNT2, CID, 100, 200, DAY);
        uint256 ok = _in(T0, DAY);
        vm.assertEq(_check(MUX, ACCOUNT, CID, TOKEN_A, 0, _transfer(100)), ok, "spend");
        vm.assertEq(_check(MUX, ACCOUNT, CID, TOKEN_A, 0, _transfer(1)), 1, "exhausted");
        vm.assertEq(_check(MUX, ACCOUNT, CID2, TOKEN_A, 0, _transfer(100)), ok, "cid2");
        vm.assertEq(_check(MUX2, ACCOUNT, CID, TOKEN_A, 0, _transfer(100)), ok, "mux2");
        vm.assertEq(_check(MUX, ACCOUNT2, CID, TOKEN_A, 0, _transfer(100)), ok, "account2");
        vm.assertEq(_check(MUX, ACCOUNT, CID, TOKEN_B, 0, _transfer(200)), ok, "token B");
        vm.assertEq(
            policy.checkAction(CID, ACCOUNT, TOKEN_A, 0, abi.encodePacked(_transfer(1), uint48(T0))), 1, "foreign caller"
        );
    }

    function test_erc165() public view {
        _assertInterfaces(address(policy), false, true, false);
    }

    /// Reference model: budget per epoch-aligned period index k = t / period.
    function testFuzz_refillBoundaries(uint256 limit, uint48 period, uint32[8] memory gaps, uint256[8] memory amts)
        public
    {
        limit = bound(limit, 1, 1e30);
        period = uint48(bound(period, 1, 30 days));
        _init(MUX, ACCOUNT, CID, limit, 1, period);
        uint256 t = T0;
        uint256 refPeriod;
        uint256 refUsed;
        for (uint256 i; i < 8; ++i) {
            // Land exactly on, just before or just after a boundary half of the time.
            uint256 g = bound(gaps[i], 0, uint256(period) * 3);
            if (gaps[i] % 4 == 0) {
                uint256 next = (t / period + 1) * period;
                g = next - t - (gaps[i] % 8 == 0 && next - t > 0 ? 1 : 0);
            }
            t += g;
            vm.warp(t);
            uint256 k = t / period;
            if (k != refPeriod) (refPeriod, refUsed) = (k, 0);
            uint256 a = bound(amts[i], 0, limit / 2 + 1);
            bool ok = refUsed + a <= limit;
            vm.assertEq(
                _check(MUX, ACCOUNT, CID, TOKEN_A, 0, _transfer(a)), ok ? _in(k * period, period) : 1, "decision"
            );
            if (ok) refUsed += a;
            (uint256 used,, uint48 start,) = _budget(MUX, ACCOUNT, CID, TOKEN_A);
            vm.assertEq(used, refUsed, "used");
            vm.assertEq(start, k * period, "periodStart");
        }
    }
}
