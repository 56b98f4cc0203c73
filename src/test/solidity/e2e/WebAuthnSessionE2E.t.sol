// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.28;

import {E2EBase} from "./E2EBase.sol";
import {UserOpBuilder} from "../utils/UserOpBuilder.sol";
import {PackedUserOperation} from "@openzeppelin/contracts/interfaces/IERC4337.sol";
import {Base64} from "@openzeppelin/contracts/utils/Base64.sol";
import {ISessionValidator} from "../../../main/solidity/smartsession/interfaces/ISessionValidator.sol";
import {
    WebAuthnCredential,
    WebAuthVerificationContext,
    WebAuthnAuth
} from "../../../main/solidity/validators/WebAuthnValidator.sol";
import "../../../main/solidity/smartsession/DataTypes.sol";

/// @dev A passkey (P-256 WebAuthn) session key through the real stack: SmartSession with WebAuthnValidator as the
///      session validator; the USE op's session signature is abi.encode(WebAuthnAuth[]) over the userOpHash.
contract WebAuthnSessionE2E is E2EBase {
    uint256 internal constant P256_N = 0xFFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551;
    uint256 internal passkey;
    PermissionId internal pid;

    function setUp() public override {
        super.setUp();
        _deployAccount();
        passkey = uint256(keccak256("e2e-passkey")) % P256_N;
        (uint256 x, uint256 y) = vm.publicKeyP256(passkey);
        WebAuthVerificationContext memory ctx;
        ctx.threshold = 1;
        ctx.credentialIds = new bytes32[](1);
        ctx.credentialIds[0] = keccak256(abi.encode(x, y));
        ctx.credentialData = new WebAuthnCredential[](1);
        ctx.credentialData[0] = WebAuthnCredential(x, y, true);

        Session memory s;
        s.sessionValidator = ISessionValidator(address(webAuthn));
        s.sessionValidatorInitData = abi.encode(ctx);
        s.salt = "passkey";
        s.actions = _act(
            address(usdc), TRANSFER, _pol(address(erc20Limit), abi.encode(_addrs(address(usdc)), _uints(40e6)))
        );
        pid = _enableViaOwner(s);
    }

    /// @dev authenticatorData = rpIdHash ‖ flags (UP|UV) ‖ signCount; clientDataJSON carries base64url(userOpHash);
    ///      P-256 low-s signature over sha256(authenticatorData ‖ sha256(clientDataJSON)).
    function _assertion(uint256 pk, bytes32 challenge) internal pure returns (bytes memory) {
        WebAuthnAuth memory a;
        a.authenticatorData = abi.encodePacked(sha256("latchkey.app"), bytes1(0x05), uint32(1));
        a.clientDataJSON = string.concat(
            '{"type":"webauthn.get","challenge":"',
            Base64.encodeURL(abi.encode(challenge)),
            '","origin":"https://latchkey.app","crossOrigin":false}'
        );
        a.typeIndex = 1;
        a.challengeIndex = 23;
        (bytes32 r, bytes32 s) =
            vm.signP256(pk, sha256(abi.encodePacked(a.authenticatorData, sha256(bytes(a.clientDataJSON)))));
        uint256 sv = uint256(s);
        if (sv > P256_N / 2) sv = P256_N - sv;
        a.r = uint256(r);
        a.s = sv;
        WebAuthnAuth[] memory arr = new WebAuthnAuth[](1);
        arr[0] = a;
        return abi.encode(arr);
    }

    /// @dev USE op with room for the Solidity P-256 fallback (no RIP-7212 precompile on this EVM).
    function _passkeyOp(bytes memory callData, uint256 pk, bytes32 challengeOverride)
        internal
        view
        returns (PackedUserOperation memory op)
    {
        op = _sessionOp("", callData);
        op.accountGasLimits = UserOpBuilder.packGasLimits(1_000_000, 300_000);
        bytes32 h = _hash(op);
        op.signature = _useSig(pid, _assertion(pk, challengeOverride == bytes32(0) ? h : challengeOverride));
    }

    function test_passkeySessionUseOp() public {
        _handle(_passkeyOp(_usdcTransfer(recipient, 25e6), passkey, bytes32(0)));
        vm.assertEq(usdc.balanceOf(recipient), 25e6, "recipient");
        vm.assertEq(usdc.balanceOf(account), USDC_START - 25e6, "account");
        (, uint256 spent,) = erc20Limit.getPolicyData(
            _actionCfg(pid, address(usdc), TRANSFER), address(smartSession), address(usdc), account
        );
        vm.assertEq(spent, 25e6, "spent");
        // the policies still apply to passkey sessions
        _expectAA23(
            _passkeyOp(_usdcTransfer(recipient, 15e6 + 1), passkey, bytes32(0)), _policyViolation(pid, address(erc20Limit))
        );
    }

    function test_passkeyWrongChallengeRejected() public {
        _expectFailedOp(_passkeyOp(_usdcTransfer(recipient, 1e6), passkey, keccak256("not the userOpHash")), "AA24 signature error");
    }

    function test_otherPasskeyRejected() public {
        uint256 other = uint256(keccak256("another passkey")) % P256_N;
        _expectFailedOp(_passkeyOp(_usdcTransfer(recipient, 1e6), other, bytes32(0)), "AA24 signature error");
    }
}
