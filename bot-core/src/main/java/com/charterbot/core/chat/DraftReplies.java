package com.charterbot.core.chat;

import com.charterbot.core.charter.Signal;
import com.charterbot.core.check.AlwaysCheck;
import com.charterbot.core.check.DraftReport;
import com.charterbot.core.check.Finding;
import com.charterbot.core.i18n.Messages;
import com.charterbot.core.reply.Block;
import com.charterbot.core.reply.Reply;
import com.charterbot.core.text.UserText;
import com.charterbot.core.values.Language;
import java.util.ArrayList;
import java.util.List;

/**
 * Lays a {@link DraftReport} out as a {@link Reply}: the verdict, then each finding with its level,
 * the draft's words that raised it (as a {@link Block.Quoted}, which renderers never turn into
 * links or mentions), what to change and the section cited; when nothing needs changing, the
 * checks that always apply.
 */
final class DraftReplies {

    /** Findings shown in full; the others are named in one line, so a reply stays within the platforms' limits. */
    static final int SHOWN = 5;

    private DraftReplies() {}

    static Reply report(DraftReport report, Reply.Delivery delivery) {
        Language language = report.language();
        List<Block> blocks = new ArrayList<>();
        String heading = report.verdict()
                .map(level -> switch (level) {
                    case STOP -> "check.heading.stop";
                    case CAUTION -> "check.heading.caution";
                    case TIP -> "check.heading.clear";
                })
                .orElse("check.heading.clear");
        blocks.add(new Block.Heading(Messages.get(language, heading)));
        List<Finding> findings = report.findings();
        if (report.wordless()) {
            blocks.add(new Block.Text(Messages.get(language, "check.wordless")));
        } else if (findings.isEmpty()) {
            blocks.add(new Block.Text(Messages.get(language, "check.summary.nothing")));
        } else {
            blocks.add(new Block.Text(
                    findings.size() == 1
                            ? Messages.get(language, "check.summary.one")
                            : Messages.get(language, "check.summary.many", findings.size())));
        }
        for (Finding finding : findings.subList(0, Math.min(SHOWN, findings.size()))) {
            blocks.add(new Block.Text(Messages.get(
                    language,
                    "check.finding.title",
                    level(language, finding.level()),
                    finding.section().title())));
            if (!finding.triggers().isEmpty()) {
                blocks.add(new Block.Quoted(
                        Messages.get(language, finding.learned() ? "check.finding.learned" : "check.finding.words"),
                        finding.triggers().stream()
                                .map(quote -> Messages.get(language, "check.finding.quote", quote))
                                .toList()));
            }
            blocks.add(new Block.Text(Messages.get(language, "check.finding.change", finding.change())));
            blocks.add(new Block.CitedSection(
                    Messages.get(language, "label.source"),
                    finding.section().sectionId(),
                    finding.section().title(),
                    finding.section().link()));
        }
        if (findings.size() > SHOWN) {
            List<String> others = findings.subList(SHOWN, findings.size()).stream()
                    .map(f -> f.section().title())
                    .toList();
            blocks.add(new Block.Context(Messages.get(language, "check.more", String.join(", ", others))));
        }
        if (!report.needsChanges() && !report.always().isEmpty()) {
            List<String> items = new ArrayList<>();
            for (AlwaysCheck always : report.always()) {
                items.add(Messages.get(
                        language,
                        "check.always.item",
                        always.text(),
                        always.section().title()));
            }
            blocks.add(new Block.Checklist(Messages.get(language, "check.always.label"), items));
        }
        if (report.truncated()) {
            blocks.add(new Block.Context(Messages.get(language, "check.truncated", UserText.MAX_CHARS)));
        }
        blocks.add(new Block.Context(Messages.get(language, "check.private")));
        return Reply.of(language, delivery, blocks);
    }

    private static String level(Language language, Signal.Level level) {
        return Messages.get(
                language,
                switch (level) {
                    case STOP -> "check.level.stop";
                    case CAUTION -> "check.level.caution";
                    case TIP -> "check.level.tip";
                });
    }
}
