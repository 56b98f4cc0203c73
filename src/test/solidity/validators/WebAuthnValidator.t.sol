// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.28;

import {TestBase} from "../utils/TestBase.sol";
import {Base64} from "@openzeppelin/contracts/utils/Base64.sol";
import {
    WebAuthnValidator,
    WebAuthnCredential,
    WebAuthVerificationContext,
    WebAuthnAuth
} from "../../../main/solidity/validators/WebAuthnValidator.sol";

contract WebAuthnValidatorTest is TestBase {
    uint256 internal constant P256_N = 0xFFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551;
    bytes1 internal constant UP = 0x01;
    bytes1 internal constant UV = 0x04;

    WebAuthnValidator internal validator;
    bytes32 internal constant HASH = keccak256("userOpHash for passkeys");

    uint256[2] internal pks;
    WebAuthnCredential[2] internal creds; // sorted by credential id, aligned with pks

    function setUp() public {
        validator = new WebAuthnValidator();
        uint256 k0 = uint256(keccak256("passkey-0")) % P256_N;
        uint256 k1 = uint256(keccak256("passkey-1")) % P256_N;
        (uint256 x0, uint256 y0) = vm.publicKeyP256(k0);
        (uint256 x1, uint256 y1) = vm.publicKeyP256(k1);
        if (keccak256(abi.encode(x0, y0)) < keccak256(abi.encode(x1, y1))) {
            pks = [k0, k1];
            creds[0] = WebAuthnCredential(x0, y0, true);
            creds[1] = WebAuthnCredential(x1, y1, true);
        } else {
            pks = [k1, k0];
            creds[0] = WebAuthnCredential(x1, y1, true);
            creds[1] = WebAuthnCredential(x0, y0, true);
        }
    }

    /* --------------------------------- helpers -------------------------------- */

    function _context(uint256 threshold, uint256 count, bool requireUV) internal view returns (bytes memory) {
        WebAuthVerificationContext memory ctx;
        ctx.usePrecompile = false;
        ctx.threshold = threshold;
        ctx.credentialIds = new bytes32[](count);
        ctx.credentialData = new WebAuthnCredential[](count);
        for (uint256 i; i < count; ++i) {
            ctx.credentialData[i] = WebAuthnCredential(creds[i].pubKeyX, creds[i].pubKeyY, requireUV);
            ctx.credentialIds[i] = keccak256(abi.encode(creds[i].pubKeyX, creds[i].pubKeyY));
        }
        return abi.encode(ctx);
    }

    /// @dev A real WebAuthn assertion: authenticatorData = rpIdHash ‖ flags ‖ signCount; clientDataJSON with the
    ///      base64url challenge; P-256 signature over sha256(authenticatorData ‖ sha256(clientDataJSON)), low-s.
    function _assert(uint256 pk, bytes32 challengeHash, bytes1 flags) internal pure returns (WebAuthnAuth memory a) {
        a.authenticatorData = abi.encodePacked(sha256("latchkey.app"), flags, uint32(7));
        a.clientDataJSON = string.concat(
            '{"type":"webauthn.get","challenge":"',
            Base64.encodeURL(abi.encode(challengeHash)),
            '","origin":"https://latchkey.app","crossOrigin":false}'
        );
        a.typeIndex = 1;
        a.challengeIndex = 23;
        bytes32 digest = sha256(abi.encodePacked(a.authenticatorData, sha256(bytes(a.clientDataJSON))));
        (bytes32 r, bytes32 s) = vm.signP256(pk, digest);
        uint256 sv = uint256(s);
        if (sv > P256_N / 2) sv = P256_N - sv;
        a.r = uint256(r);
        a.s = sv;
    }

    function _sig1(WebAuthnAuth memory a) internal pure returns (bytes memory) {
        WebAuthnAuth[] memory arr = new WebAuthnAuth[](1);
        arr[0] = a;
        return abi.encode(arr);
    }

    function _sig2(WebAuthnAuth memory a, WebAuthnAuth memory b) internal pure returns (bytes memory) {
        WebAuthnAuth[] memory arr = new WebAuthnAuth[](2);
        arr[0] = a;
        arr[1] = b;
        return abi.encode(arr);
    }

    /* ---------------------------------- tests --------------------------------- */

    function test_moduleType() public view {
        vm.assertTrue(validator.isModuleType(7), "type 7");
        vm.assertFalse(validator.isModuleType(1), "not type 1");
        vm.assertEq(
            validator.credentialId(creds[0].pubKeyX, creds[0].pubKeyY),
            keccak256(abi.encode(creds[0].pubKeyX, creds[0].pubKeyY)),
            "credential id"
        );
    }

    function test_validAssertion_withUV() public view {
        bytes memory sig = _sig1(_assert(pks[0], HASH, UP | UV));
        vm.assertTrue(validator.validateSignatureWithData(HASH, sig, _context(1, 1, true)), "valid");
    }

    function test_highS_rejected() public view {
        WebAuthnAuth memory a = _assert(pks[0], HASH, UP | UV);
        a.s = P256_N - a.s;
        vm.assertFalse(validator.validateSignatureWithData(HASH, _sig1(a), _context(1, 1, true)), "high s");
    }

    function test_wrongChallenge() public view {
        bytes memory sig = _sig1(_assert(pks[0], keccak256("other hash"), UP | UV));
        vm.assertFalse(validator.validateSignatureWithData(HASH, sig, _context(1, 1, true)), "wrong challenge");
    }

    function test_wrongKey() public view {
        bytes memory sig = _sig1(_assert(pks[1], HASH, UP | UV));
        vm.assertFalse(validator.validateSignatureWithData(HASH, sig, _context(1, 1, true)), "other passkey at [0]");
    }

    function test_uvRequiredButMissing() public view {
        bytes memory sig = _sig1(_assert(pks[0], HASH, UP));
        vm.assertFalse(validator.validateSignatureWithData(HASH, sig, _context(1, 1, true)), "UV missing");
        vm.assertTrue(validator.validateSignatureWithData(HASH, sig, _context(1, 1, false)), "UV not required");
    }

    function test_upMissing() public view {
        bytes memory sig = _sig1(_assert(pks[0], HASH, UV));
        vm.assertFalse(validator.validateSignatureWithData(HASH, sig, _context(1, 1, false)), "UP missing");
    }

    function test_threshold2of2() public view {
        bytes memory both = _sig2(_assert(pks[0], HASH, UP | UV), _assert(pks[1], HASH, UP | UV));
        vm.assertTrue(validator.validateSignatureWithData(HASH, both, _context(2, 2, true)), "2 of 2");
        vm.assertTrue(validator.validateSignatureWithData(HASH, both, _context(1, 2, true)), "1 of 2");
    }

    function test_thresholdNotMet() public view {
        bytes memory one = _sig2(_assert(pks[0], HASH, UP | UV), _assert(pks[1], keccak256("x"), UP | UV));
        vm.assertFalse(validator.validateSignatureWithData(HASH, one, _context(2, 2, true)), "1 valid of 2 needed");
        // only one assertion supplied
        vm.assertFalse(
            validator.validateSignatureWithData(HASH, _sig1(_assert(pks[0], HASH, UP | UV)), _context(2, 2, true)),
            "too few assertions"
        );
        // same valid assertion twice: auth[1] is checked against credential[1], so it does not count
        WebAuthnAuth memory a = _assert(pks[0], HASH, UP | UV);
        vm.assertFalse(validator.validateSignatureWithData(HASH, _sig2(a, a), _context(2, 2, true)), "duplicate");
    }

    function test_unsortedIdsFalse() public view {
        WebAuthVerificationContext memory ctx = abi.decode(_context(1, 2, true), (WebAuthVerificationContext));
        (ctx.credentialIds[0], ctx.credentialIds[1]) = (ctx.credentialIds[1], ctx.credentialIds[0]);
        (ctx.credentialData[0], ctx.credentialData[1]) = (ctx.credentialData[1], ctx.credentialData[0]);
        bytes memory sig = _sig2(_assert(pks[1], HASH, UP | UV), _assert(pks[0], HASH, UP | UV));
        vm.assertFalse(validator.validateSignatureWithData(HASH, sig, abi.encode(ctx)), "unsorted");
    }

    function test_idMismatchFalse() public view {
        WebAuthVerificationContext memory ctx = abi.decode(_context(1, 1, true), (WebAuthVerificationContext));
        ctx.credentialIds[0] = keccak256(abi.encode(ctx.credentialData[0].pubKeyX, ctx.credentialData[0].pubKeyY, address(this)));
        bytes memory sig = _sig1(_assert(pks[0], HASH, UP | UV));
        vm.assertFalse(validator.validateSignatureWithData(HASH, sig, abi.encode(ctx)), "old-format id");
    }

    function test_badThresholdFalse() public view {
        bytes memory sig = _sig1(_assert(pks[0], HASH, UP | UV));
        vm.assertFalse(validator.validateSignatureWithData(HASH, sig, _context(0, 1, true)), "threshold 0");
        vm.assertFalse(validator.validateSignatureWithData(HASH, sig, _context(2, 1, true)), "threshold > n");
    }

    function test_usePrecompileFlagAccepted() public view {
        WebAuthVerificationContext memory ctx = abi.decode(_context(1, 1, true), (WebAuthVerificationContext));
        ctx.usePrecompile = true;
        bytes memory sig = _sig1(_assert(pks[0], HASH, UP | UV));
        vm.assertTrue(validator.validateSignatureWithData(HASH, sig, abi.encode(ctx)), "precompile flag");
    }
}
