package com.charterbot.core.testing;

import com.charterbot.core.chat.Converse;
import com.charterbot.core.home.ShowHome;
import com.charterbot.core.nudge.ChannelMembership;
import com.charterbot.core.nudge.EditNudges;
import com.charterbot.core.nudge.NudgeFormOutcome;
import com.charterbot.core.reply.Reply;
import com.charterbot.core.values.ActionEvent;
import com.charterbot.core.values.ChannelRef;
import com.charterbot.core.values.Language;
import com.charterbot.core.values.Message;
import com.charterbot.core.values.Platform;
import com.charterbot.core.values.UserRef;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The whole real core of a {@link TestConversation} behind the ports an adapter calls (the
 * conversation, the home page, channel membership and the nudge form, sharing their stores as in
 * the application), made afresh by {@link #reset}: the adapters' replays of real payloads start
 * each one on a fresh core.
 */
public final class ReplayCore implements Converse, ShowHome, ChannelMembership, EditNudges {

    private volatile TestConversation current = TestConversation.builder().build();

    /** Forgets everything: a fresh core. */
    public void reset() {
        current = TestConversation.builder().build();
    }

    /** Posts a channel quiz, as a nudge would, and gives its id. */
    public String postChannelQuiz(ChannelRef channel) {
        return current.quiz
                .post(channel, Language.EN)
                .orElseThrow()
                .view()
                .orElseThrow()
                .value();
    }

    /** Starts a personal quiz for this person, as "quiz" would, and gives its session id. */
    public String startQuiz(UserRef user) {
        return current.quiz.start(user, Language.EN).view().orElseThrow().value();
    }

    @Override
    public List<Reply> onMessage(Message message) {
        return current.conversation.onMessage(message);
    }

    @Override
    public List<Reply> onAction(ActionEvent action) {
        return current.conversation.onAction(action);
    }

    @Override
    public List<Reply> onDraft(Message draft) {
        return current.conversation.onDraft(draft);
    }

    @Override
    public Reply home(UserRef user, boolean platformAdmin, Optional<Language> platformLanguage) {
        return current.home.home(user, platformAdmin, platformLanguage);
    }

    @Override
    public Optional<Reply> joined(ChannelRef channel, String name, Optional<Language> language) {
        return current.membership.joined(channel, name, language);
    }

    @Override
    public void left(ChannelRef channel) {
        current.membership.left(channel);
    }

    @Override
    public void archived(ChannelRef channel) {
        current.membership.archived(channel);
    }

    @Override
    public void unarchived(ChannelRef channel) {
        current.membership.unarchived(channel);
    }

    @Override
    public void renamed(ChannelRef channel, String name) {
        current.membership.renamed(channel, name);
    }

    @Override
    public int uninstalled(Platform platform, String tenant) {
        return current.membership.uninstalled(platform, tenant);
    }

    @Override
    public NudgeFormOutcome open(UserRef user, boolean platformAdmin, ChannelRef channel, Optional<Language> clicked) {
        return current.nudgeForm.open(user, platformAdmin, channel, clicked);
    }

    @Override
    public NudgeFormOutcome submit(
            UserRef user,
            boolean platformAdmin,
            ChannelRef channel,
            Map<String, String> values,
            Optional<Language> formLanguage) {
        return current.nudgeForm.submit(user, platformAdmin, channel, values, formLanguage);
    }
}
