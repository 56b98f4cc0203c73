package dev.latchkey.session.hash;

import static org.assertj.core.api.Assertions.assertThat;

import dev.latchkey.session.codec.Ids;
import org.junit.jupiter.api.Test;

/** The constants of spec §1.3 and §2.3, recomputed. */
class SpecConstantsTest {

    @Test
    void typeHashesAndDomainSeparator() {
        assertThat(SessionDigests.POLICY_DATA_TYPEHASH.hex()).isEqualTo("0xdddac12cd8b10a071bea04226e97ac9490698394e19224abc47a5cfeeeb6ee97");
        assertThat(SessionDigests.ACTION_DATA_TYPEHASH.hex()).isEqualTo("0x35809859dccf8877c407a59527c2f00fb81ca9c198ebcb0c832c3deaa38d3502");
        assertThat(SessionDigests.ERC7739_CONTEXT_TYPEHASH.hex()).isEqualTo("0x006166b2b3a1edaf1da1ce02715d02d4979a4ab93755bff9ec054b0e6a96a1da");
        assertThat(SessionDigests.ERC7739_DATA_TYPEHASH.hex()).isEqualTo("0xdfd9b5718eebaa2484740b4ea6939e96189024c15848f16ccce901118114e152");
        assertThat(SessionDigests.SIGNED_PERMISSIONS_TYPEHASH.hex()).isEqualTo("0x871289c05e426554eb0f843c9aa542f9c2bc4eba7742ada6a5c014d3568674d4");
        assertThat(SessionDigests.SESSION_TYPEHASH.hex()).isEqualTo("0xd44896e3cb83d70abc949a38dd6f9f75e675dc329dfe958617f066f79ff88f05");
        assertThat(SessionDigests.CHAIN_SESSION_TYPEHASH.hex()).isEqualTo("0x1ea7e4bc398fa0ccd68d92b5d8931a3fd93eebe1cf0391b4ba28935801af7c80");
        assertThat(SessionDigests.MULTICHAIN_SESSION_TYPEHASH.hex()).isEqualTo("0x0c9d02fb89a1da34d66ea2088dc9ee6a58efee71cef6f1bb849ed74fc6003d98");
        assertThat(SessionDigests.DOMAIN_SEPARATOR.hex()).isEqualTo("0x057501e891776d1482927e5f094ae44049a4d893ba2d7b334dd7db8d38d3a0e1");
    }

    @Test
    void fallbackActionIds() {
        assertThat(Ids.FALLBACK_ACTION_ID.hex()).isEqualTo("0xd884b6afa19f8ace90a388daca691e4e28f20cdac5aeefd46ad8bd1c074d28cf");
        assertThat(Ids.FALLBACK_ACTION_ID_SMART_SESSION.hex()).isEqualTo("0x986126569d6396d837d7adeb3ca726199afaf83546f38726e6f331bb92d8e9d6");
    }
}
