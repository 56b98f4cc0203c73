// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.28;

import {E2EBase} from "./E2EBase.sol";
import {UserOpBuilder} from "../utils/UserOpBuilder.sol";
import {PackedUserOperation} from "@openzeppelin/contracts/interfaces/IERC4337.sol";
import {LibZip} from "solady/utils/LibZip.sol";
import {HashLib} from "../../../main/solidity/smartsession/lib/HashLib.sol";
import "../../../main/solidity/smartsession/DataTypes.sol";

/// @dev Gas baseline (docs/gas.md) for the SAME call — USDC.transfer(recipient, 1 USDC) through ERC-7579
///      execute(single) — authorized three ways:
///        owner  : OwnableValidator (1-of-1), personal_sign over userOpHash;
///        enable : SmartSession ENABLE mode — enables the USDC session (TimeFrame userOp policy, ERC20SpendingLimit +
///                 UsageLimit on (USDC, transfer)) and runs it in the same op;
///        use    : SmartSession USE mode on an identical session enabled in setUp.
///      The account is deployed and the "use" session enabled in setUp, so each test starts from a cold access list
///      (forge runs setUp and the test as separate transactions). All three ops carry identical gas limits and fees,
///      so EntryPoint v0.7's 10% penalty on unused callGasLimit is the same kind of overhead in each.
///      test_gas_report re-measures the three from one snapshot (vm.revertToState also discards the access list, so
///      each measurement is cold again) and writes target/gas/e2e-gas.json.
contract GasE2E is E2EBase {
    uint128 internal constant VGL = 1_500_000;
    uint128 internal constant CGL = 100_000;
    uint256 internal constant AMOUNT = 1e6;

    struct Measured {
        uint256 actualGasUsed;
        uint256 handleOpsGas;
        uint256 signatureBytes;
        uint256 callDataBytes;
    }

    PermissionId internal usePid;

    function setUp() public override {
        super.setUp();
        _deployAccount();
        Session[] memory ss = new Session[](1);
        ss[0] = _usdcSession("gas-use");
        vm.prank(account);
        usePid = smartSession.enableSessions(ss)[0];
        // realistic steady state: the recipient already holds USDC, the bundler already holds ETH, and the account
        // already has an EntryPoint deposit (so no slot goes 0 → non-zero only because it is the first op ever)
        usdc.mint(recipient, 1e6);
        vm.deal(bundler, 1 ether);
        ep.depositTo{value: 0.01 ether}(account);
    }

    function _usdcSession(bytes32 salt) internal view returns (Session memory s) {
        s = _ecdsaSession(sessionKey, salt);
        s.userOpPolicies = _pol(address(timeFrame), abi.encodePacked(uint48(block.timestamp + 30 days), uint48(0)));
        s.actions = _act(
            address(usdc),
            TRANSFER,
            _pol2(
                address(erc20Limit),
                abi.encode(_addrs(address(usdc)), _uints(100e6)),
                address(usageLimit),
                abi.encodePacked(uint128(10))
            )
        );
    }

    function _op(address validator) internal view returns (PackedUserOperation memory op) {
        op = UserOpBuilder.build(account, _nonce(validator), "", _usdcTransfer(recipient, AMOUNT));
        op.accountGasLimits = UserOpBuilder.packGasLimits(VGL, CGL);
    }

    function _run(PackedUserOperation memory op) internal returns (Measured memory m) {
        uint256 before = usdc.balanceOf(recipient);
        bool success;
        (m.handleOpsGas, m.actualGasUsed, success) = _handleMeasured(op);
        vm.assertTrue(success, "op succeeded");
        vm.assertEq(usdc.balanceOf(recipient), before + AMOUNT, "exactly one USDC moved");
        m.signatureBytes = op.signature.length;
        m.callDataBytes = op.callData.length;
    }

    function _measureOwner() internal returns (Measured memory) {
        PackedUserOperation memory op = _op(address(ownable));
        op.signature = UserOpBuilder.signPersonal(ownerKey, _hash(op));
        return _run(op);
    }

    function _measureEnable() internal returns (Measured memory m) {
        Session memory s = _usdcSession("gas-enable");
        EnableSession memory es = _signEnableHere(s);
        PackedUserOperation memory op = _op(address(smartSession));
        op.signature = _enableSig(es, UserOpBuilder.signRaw(sessionKeyPk, _hash(op)));
        m = _run(op);
        vm.assertTrue(smartSession.isPermissionEnabled(_pid(s), account), "enabled by the op");
    }

    function _measureUse() internal returns (Measured memory m) {
        PackedUserOperation memory op = _op(address(smartSession));
        op.signature = _useSig(usePid, UserOpBuilder.signRaw(sessionKeyPk, _hash(op)));
        m = _run(op);
        (, uint256 spent,) = erc20Limit.getPolicyData(
            _actionCfg(usePid, address(usdc), TRANSFER), address(smartSession), address(usdc), account
        );
        vm.assertEq(spent, AMOUNT, "spent accounted");
    }

    function _json(string memory key, Measured memory m) internal pure returns (string memory) {
        return string.concat(
            '"', key, '":{"actualGasUsed":', vm.toString(m.actualGasUsed), ',"handleOpsGas":',
            vm.toString(m.handleOpsGas), ',"signatureBytes":', vm.toString(m.signatureBytes), ',"callDataBytes":',
            vm.toString(m.callDataBytes), "}"
        );
    }

    function _write(string memory file, string memory body) internal {
        vm.createDir("target/gas", true);
        vm.writeFile(
            string.concat("target/gas/", file),
            string.concat(
                '{"call":"USDC.transfer(recipient, 1e6) via ERC-7579 execute(single)","entryPoint":"v0.7.0",',
                '"solc":"0.8.28","optimizerRuns":833,"evmVersion":"cancun","verificationGasLimit":1500000,',
                '"callGasLimit":100000,"preVerificationGas":50000,',
                body,
                "}\n"
            )
        );
    }

    // one measurement per test: each starts cold after setUp

    function test_gas_ownerOp() public {
        _write("e2e-gas-owner.json", _json("ownerOp", _measureOwner()));
    }

    function test_gas_enableOp() public {
        _write("e2e-gas-enable.json", _json("enableOp", _measureEnable()));
    }

    function test_gas_useOp() public {
        _write("e2e-gas-use.json", _json("useOp", _measureUse()));
    }

    /// @dev All three from the same post-setUp snapshot, written to target/gas/e2e-gas.json.
    function test_gas_report() public {
        uint256 snap = vm.snapshotState();
        Measured memory owner_ = _measureOwner();
        vm.revertToState(snap);
        Measured memory enable_ = _measureEnable();
        vm.revertToState(snap);
        Measured memory use_ = _measureUse();
        vm.assertGt(enable_.actualGasUsed, use_.actualGasUsed, "enabling costs more than using");
        vm.assertGt(enable_.signatureBytes, use_.signatureBytes, "enable signature carries the session");
        _write("e2e-gas.json", string.concat(_json("ownerOp", owner_), ",", _json("enableOp", enable_), ",", _json("useOp", use_)));
    }

    /// @dev Rough split of the ENABLE path's pure work, measured with gasleft() in this contract (memory, warm):
    ///      FastLZ decompression of the signature payload, ABI decoding of (EnableSession, bytes), and the EIP-712
    ///      session digest + multichain digest. Written to target/gas/e2e-gas-enable-breakdown.json for docs/gas.md.
    function test_gas_enableBreakdown() public {
        string memory pure_ = _pureEnableWork();
        // storage slots the real ENABLE op writes (distinct), per contract
        vm.record();
        _measureEnable();
        uint256 ssSlots = _distinctWrites(address(smartSession));
        uint256 policySlots =
            _distinctWrites(address(timeFrame)) + _distinctWrites(address(erc20Limit)) + _distinctWrites(address(usageLimit));
        // storage slots the USE op reads from SmartSession (each a cold SLOAD in a fresh transaction)
        vm.record();
        _measureUse();
        uint256 useReads = _distinctReads(address(smartSession));

        vm.createDir("target/gas", true);
        vm.writeFile(
            "target/gas/e2e-gas-enable-breakdown.json",
            string.concat(
                pure_,
                ',"smartSessionSlotsWritten":', vm.toString(ssSlots), ',"policySlotsWritten":', vm.toString(policySlots),
                ',"useOpSmartSessionSlotsRead":', vm.toString(useReads), "}\n"
            )
        );
    }

    function _pureEnableWork() internal returns (string memory) {
        EnableSession memory es = _signEnableHere(_usdcSession("gas-enable"));
        bytes memory raw = abi.encode(es, new bytes(65));
        bytes memory compressed = LibZip.flzCompress(raw);

        uint256 g = gasleft();
        bytes memory out = LibZip.flzDecompress(compressed);
        uint256 decompressGas = g - gasleft();
        vm.assertEq(keccak256(out), keccak256(raw), "FastLZ round trip");

        g = gasleft();
        (EnableSession memory decoded,) = abi.decode(out, (EnableSession, bytes));
        uint256 decodeGas = g - gasleft();

        g = gasleft();
        bytes32 d = HashLib.sessionDigest(decoded.sessionToEnable, account, address(smartSession), SmartSessionMode.ENABLE, 0);
        HashLib.multichainDigest(decoded.hashesAndChainIds);
        uint256 hashGas = g - gasleft();
        vm.assertEq(d, es.hashesAndChainIds[0].sessionDigest, "digest of the decoded session");

        return string.concat(
            '{"rawBytes":', vm.toString(raw.length), ',"compressedBytes":', vm.toString(compressed.length),
            ',"flzDecompressGas":', vm.toString(decompressGas), ',"abiDecodeGas":', vm.toString(decodeGas),
            ',"eip712DigestsGas":', vm.toString(hashGas)
        );
    }

    function _distinctReads(address target) internal returns (uint256) {
        (bytes32[] memory reads,) = vm.accesses(target);
        return _distinct(reads);
    }

    function _distinctWrites(address target) internal returns (uint256) {
        (, bytes32[] memory writes) = vm.accesses(target);
        return _distinct(writes);
    }

    function _distinct(bytes32[] memory writes) internal pure returns (uint256 n) {
        for (uint256 i; i < writes.length; ++i) {
            bool dup;
            for (uint256 j; j < i; ++j) {
                if (writes[j] == writes[i]) {
                    dup = true;
                    break;
                }
            }
            if (!dup) ++n;
        }
    }
}
