package com.charterbot.core.reply;

import com.charterbot.core.values.Language;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One instance of every kind of {@link Block}, for the tests that prove each renderer handles
 * every kind: Java 17 cannot check the renderers' dispatch over the sealed type, these tests do.
 * A new kind of block without a sample here fails {@code BlockSamplesTest}.
 */
public final class BlockSamples {

    private static final Button OPEN = Button.of(ActionIds.OPEN_SECTION, "photos", "Open the section");
    /** The eight bytes every PNG file starts with: enough for a picture that is only carried, never drawn. */
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    private BlockSamples() {}

    /** One sample per kind of block, in the order the kinds are declared. */
    public static Map<Class<? extends Block>, Block> one() {
        Map<Class<? extends Block>, Block> samples = new LinkedHashMap<>();
        add(samples, new Block.Heading("Photos at work"));
        add(samples, new Block.Text("Ask before you post a photo of colleagues."));
        add(
                samples,
                new Block.CitedSection(
                        "Source", "photos", "Photos and videos at work", "https://example.com/charter#photos"));
        add(samples, new Block.Checklist("Before posting", List.of("No badge visible", "No screen visible")));
        add(samples, new Block.Buttons(List.of(OPEN)));
        add(samples, new Block.Suggestions("Did you mean:", List.of(OPEN)));
        add(
                samples,
                new Block.AlsoApplies(
                        "Also applies",
                        List.of(new Block.AlsoApplies.Point("Confidentiality", "No prototypes.", OPEN))));
        add(samples, new Block.Quoted("In your draft:", List.of("our new prototype")));
        add(samples, new Block.Context("These figures cover this workspace only."));
        add(samples, new Block.Person("Asked by", "U0ALICE", "Alice Martin"));
        add(
                samples,
                new Block.Form(
                        "Answer the question",
                        "Can I post a photo of the canteen?",
                        List.of(
                                new Block.Form.Field("answer", "Your answer", List.of(), false, 3_000),
                                new Block.Form.Field("section", "Section to cite", List.of(OPEN), true, 100)),
                        Button.of(ActionIds.OPEN_SECTION, "q-1", "Send"),
                        "Cancel"));
        add(samples, new Block.Picture("Questions per week, rising from 2 to 5.", "questions.png", PNG));
        add(
                samples,
                new Block.File(
                        "Weekly figures as CSV.",
                        "charter-stats.csv",
                        "text/csv",
                        "week,questions\n".getBytes(),
                        Optional.empty()));
        return samples;
    }

    /** A reply holding every sample, in English. */
    public static Reply everyKind() {
        return Reply.of(Language.EN, Reply.Delivery.PRIVATE, List.copyOf(one().values()));
    }

    private static void add(Map<Class<? extends Block>, Block> samples, Block block) {
        samples.put(block.getClass(), block);
    }
}
