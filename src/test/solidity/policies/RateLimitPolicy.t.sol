// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.28;

import {PolicyTestBase} from "./PolicyTestBase.sol";
import {ConfigId} from "../../../main/solidity/smartsession/DataTypes.sol";
import {IPolicy} from "../../../main/solidity/smartsession/interfaces/IPolicy.sol";
import {RateLimitPolicy} from "../../../main/solidity/policies/RateLimitPolicy.sol";

contract RateLimitPolicyTest is PolicyTestBase {
    RateLimitPolicy internal policy;
    uint256 internal constant T0 = 1_699_920_000; // a multiple of 1 day: windows align to the epoch

    function setUp() public {
        policy = new RateLimitPolicy();
        vm.warp(T0);
    }

    function _init(address mux, address account, ConfigId id, uint32 maxUses, uint48 interval) internal {
        vm.prank(mux);
        policy.initializeWithMultiplexer(account, id, abi.encodePacked(maxUses, interval));
    }

    /// @dev One use claiming the current block time (the test's stand-in for the signer's claim).
    function _use(address mux, address account, ConfigId id, bool viaOp) internal returns (uint256) {
        return _useAt(mux, account, id, viaOp, block.timestamp);
    }

    function _useAt(address mux, address account, ConfigId id, bool viaOp, uint256 claim) internal returns (uint256) {
        vm.prank(mux);
        if (viaOp) return policy.checkUserOpPolicy(id, _userOp(account, _execute(claim)));
        return policy.checkAction(id, account, address(0xBEEF), 0, abi.encodePacked(hex"12345678", uint48(claim)));
    }

    /// @dev execute(mode, "") with the claim in the last 6 bytes of the mode word.
    function _execute(uint256 claim) internal pure returns (bytes memory) {
        return abi.encodeWithSelector(0xe9ae5c53, bytes32(uint256(uint48(claim))), hex"");
    }

    /// @dev The validation data pinning an op into the window [start, start + interval).
    function _window(uint256 start, uint256 interval) internal pure returns (uint256) {
        return (start << 208) | ((start + interval - 1) << 160);
    }

    function _state(address mux, address account, ConfigId id)
        internal
        view
        returns (uint32 used, uint32 maxUses, uint48 start, uint48 interval)
    {
        return policy.getRateLimit(id, mux, account);
    }

    function test_init_storesAndEmits() public {
        vm.expectEmit(address(policy));
        emit IPolicy.PolicySet(CID, MUX, ACCOUNT);
        _init(MUX, ACCOUNT, CID, 3, 60);
        (uint32 used, uint32 maxUses, uint48 start, uint48 interval) = _state(MUX, ACCOUNT, CID);
        vm.assertEq(used, 0, "used");
        vm.assertEq(maxUses, 3, "maxUses");
        vm.assertEq(start, T0, "windowStart: the current epoch-aligned window");
        vm.assertEq(interval, 60, "interval");
    }

    function test_init_reverts() public {
        vm.expectRevert(RateLimitPolicy.InvalidMaxUses.selector);
        _init(MUX, ACCOUNT, CID, 0, 60);
        vm.expectRevert(RateLimitPolicy.InvalidInterval.selector);
        _init(MUX, ACCOUNT, CID, 1, 0);
        vm.expectRevert(RateLimitPolicy.InvalidInitDataLength.selector);
        vm.prank(MUX);
        policy.initializeWithMultiplexer(ACCOUNT, CID, new bytes(9));
    }

    function test_uninitialized_reverts() public {
        vm.expectRevert(abi.encodeWithSelector(IPolicy.PolicyNotInitialized.selector, CID, MUX, ACCOUNT));
        _use(MUX, ACCOUNT, CID, false);
        vm.expectRevert(abi.encodeWithSelector(IPolicy.PolicyNotInitialized.selector, CID, MUX, ACCOUNT));
        _use(MUX, ACCOUNT, CID, true);
    }

    function test_window_passFailAndRefill() public {
        _init(MUX, ACCOUNT, CID, 2, 60);
        vm.assertEq(_use(MUX, ACCOUNT, CID, true), _window(T0, 60), "1: pinned to its window");
        vm.assertEq(_use(MUX, ACCOUNT, CID, false), _window(T0, 60), "2");
        vm.assertEq(_use(MUX, ACCOUNT, CID, false), 1, "3rd in window");
        vm.warp(T0 + 59);
        vm.assertEq(_use(MUX, ACCOUNT, CID, true), 1, "still window 0 at t0+59");
        vm.warp(T0 + 60);
        (uint32 used,, uint48 start,) = _state(MUX, ACCOUNT, CID);
        vm.assertEq(used, 0, "view: fresh window");
        vm.assertEq(start, T0 + 60, "view: aligned start");
        vm.assertEq(_use(MUX, ACCOUNT, CID, false), _window(T0 + 60, 60), "window 1, use 1");
        // Jump several windows, to the middle of one: the start stays aligned to T0.
        vm.warp(T0 + 60 * 5 + 17);
        vm.assertEq(_use(MUX, ACCOUNT, CID, false), _window(T0 + 300, 60), "window 5, use 1");
        vm.assertEq(_use(MUX, ACCOUNT, CID, false), _window(T0 + 300, 60), "window 5, use 2");
        vm.assertEq(_use(MUX, ACCOUNT, CID, false), 1, "window 5, use 3");
        (used,, start,) = _state(MUX, ACCOUNT, CID);
        vm.assertEq(used, 2, "used 2");
        vm.assertEq(start, T0 + 300, "no drift");
    }

    function test_reinit_resetsWindowAndCounter() public {
        _init(MUX, ACCOUNT, CID, 1, 60);
        vm.assertEq(_use(MUX, ACCOUNT, CID, false), _window(T0, 60), "use");
        vm.warp(T0 + 10);
        _init(MUX, ACCOUNT, CID, 1, 100);
        (uint32 used, uint32 maxUses, uint48 start, uint48 interval) = _state(MUX, ACCOUNT, CID);
        vm.assertEq(used, 0, "used reset");
        vm.assertEq(maxUses, 1, "maxUses");
        vm.assertEq(start, T0, "epoch-aligned window of 100 s holding T0 + 10");
        vm.assertEq(interval, 100, "interval");
        vm.assertEq(_use(MUX, ACCOUNT, CID, false), _window(T0, 100), "usable");
    }

    function test_isolation_betweenKeys() public {
        _init(MUX, ACCOUNT, CID, 1, 60);
        _init(MUX, ACCOUNT, CID2, 1, 60);
        _init(MUX2, ACCOUNT, CID, 1, 60);
        _init(MUX, ACCOUNT2, CID, 1, 60);
        uint256 ok = _window(T0, 60);
        vm.assertEq(_use(MUX, ACCOUNT, CID, false), ok, "use");
        vm.assertEq(_use(MUX, ACCOUNT, CID, false), 1, "exhausted");
        vm.assertEq(_use(MUX, ACCOUNT, CID2, false), ok, "cid2");
        vm.assertEq(_use(MUX2, ACCOUNT, CID, false), ok, "mux2");
        vm.assertEq(_use(MUX, ACCOUNT2, CID, true), ok, "account2");
        vm.expectRevert(abi.encodeWithSelector(IPolicy.PolicyNotInitialized.selector, CID, address(this), ACCOUNT));
        policy.checkAction(CID, ACCOUNT, address(0), 0, hex"");
    }

    function test_claims_noClockRead_pastWindowAndMissingClaimFail() public {
        _init(MUX, ACCOUNT, CID, 1, 60);
        // The clock is irrelevant: a claim of a later window is counted there and pinned to it.
        vm.assertEq(_useAt(MUX, ACCOUNT, CID, true, T0 + 125), _window(T0 + 120, 60), "claimed window 2");
        vm.assertEq(_useAt(MUX, ACCOUNT, CID, false, T0 + 179), 1, "window 2 exhausted, whatever the clock");
        vm.assertEq(_useAt(MUX, ACCOUNT, CID, false, T0 + 119), 1, "a window before the counted one");
        vm.assertEq(_useAt(MUX, ACCOUNT, CID, false, T0 + 180), _window(T0 + 180, 60), "window 3");
        vm.prank(MUX);
        vm.assertEq(policy.checkAction(CID, ACCOUNT, address(0xBEEF), 0, hex"0102030405"), 1, "no 6-byte claim");
        vm.prank(MUX);
        vm.assertEq(policy.checkUserOpPolicy(CID, _userOp(ACCOUNT, hex"12345678")), 1, "not execute: no claim");
        vm.prank(MUX);
        vm.assertEq(policy.checkUserOpPolicy(CID, _userOp(ACCOUNT, abi.encodePacked(hex"e9ae5c53", bytes31(0)))), 1, "short mode");
    }

    function test_erc165() public view {
        _assertInterfaces(address(policy), true, true, false);
    }

    /// Reference model: a fixed window aligned to T0, counting successful uses per window index.
    function testFuzz_windows_matchReference(uint32 maxUses, uint48 interval, uint32[10] memory gaps) public {
        maxUses = uint32(bound(maxUses, 1, 4));
        interval = uint48(bound(interval, 1, 1000));
        _init(MUX, ACCOUNT, CID, maxUses, interval);
        uint256 t = T0;
        uint256 refWindow;
        uint256 refUsed;
        for (uint256 i; i < gaps.length; ++i) {
            t += bound(gaps[i], 0, uint256(interval) * 2);
            vm.warp(t);
            uint256 w = t / interval;
            if (w != refWindow) (refWindow, refUsed) = (w, 0);
            bool ok = refUsed < maxUses;
            vm.assertEq(_use(MUX, ACCOUNT, CID, i % 2 == 0), ok ? _window(w * interval, interval) : 1, "decision");
            if (ok) refUsed++;
            (uint32 used,, uint48 start,) = _state(MUX, ACCOUNT, CID);
            vm.assertEq(used, refUsed, "usedInWindow");
            vm.assertEq(start, w * interval, "windowStart");
        }
    }
}
