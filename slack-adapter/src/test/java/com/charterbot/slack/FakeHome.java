package com.charterbot.slack;

import com.charterbot.core.home.ShowHome;
import com.charterbot.core.reply.ActionIds;
import com.charterbot.core.reply.Block;
import com.charterbot.core.reply.Button;
import com.charterbot.core.reply.Reply;
import com.charterbot.core.values.Language;
import com.charterbot.core.values.UserRef;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/** A home page with a quiz button and two "change nudges" buttons; records who asked and as what. */
final class FakeHome implements ShowHome {

    static final String TITLE = "Your charter page";

    final List<String> calls = new CopyOnWriteArrayList<>();

    @Override
    public Reply home(UserRef user, boolean platformAdmin, Optional<Language> platformLanguage) {
        calls.add(user.key() + " admin=" + platformAdmin);
        return Reply.of(
                Language.EN,
                Reply.Delivery.PRIVATE,
                List.of(
                        new Block.Heading(TITLE),
                        new Block.Buttons(
                                List.of(new Button(ActionIds.QUIZ_START, "en~", "Start a quiz", Button.Style.PRIMARY))),
                        new Block.Text("#general: weekly"),
                        new Block.Buttons(List.of(Button.of(ActionIds.NUDGES_EDIT, "en~C0GENERAL", "Change"))),
                        new Block.Text("#random: daily"),
                        new Block.Buttons(List.of(Button.of(ActionIds.NUDGES_EDIT, "en~C0RANDOM", "Change")))));
    }
}
