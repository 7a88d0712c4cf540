package com.charterbot.slack;

import com.charterbot.core.chat.Converse;
import com.charterbot.core.reply.Reply;
import com.charterbot.core.values.ActionEvent;
import com.charterbot.core.values.Message;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/** The conversation the adapter talks to, with every call and answer recorded. */
final class RecordingConverse implements Converse {

    private volatile Converse delegate;
    final List<Message> messages = new CopyOnWriteArrayList<>();
    final List<ActionEvent> actions = new CopyOnWriteArrayList<>();
    final List<List<Reply>> actionReplies = new CopyOnWriteArrayList<>();
    final List<Message> drafts = new CopyOnWriteArrayList<>();

    RecordingConverse(Converse delegate) {
        this.delegate = delegate;
    }

    /** Answers messages with {@code answers} from now on (clicks still go to the current conversation). */
    void answerMessagesWith(Function<Message, List<Reply>> answers) {
        Converse current = delegate;
        delegate = new Converse() {
            @Override
            public List<Reply> onMessage(Message message) {
                return answers.apply(message);
            }

            @Override
            public List<Reply> onAction(ActionEvent action) {
                return current.onAction(action);
            }

            @Override
            public List<Reply> onDraft(Message draft) {
                return current.onDraft(draft);
            }
        };
    }

    void use(Converse conversation) {
        delegate = conversation;
    }

    int calls() {
        return messages.size() + actions.size() + drafts.size();
    }

    void clear() {
        messages.clear();
        actions.clear();
        actionReplies.clear();
        drafts.clear();
    }

    @Override
    public List<Reply> onMessage(Message message) {
        messages.add(message);
        return delegate.onMessage(message);
    }

    @Override
    public List<Reply> onAction(ActionEvent action) {
        actions.add(action);
        List<Reply> replies = delegate.onAction(action);
        actionReplies.add(replies);
        return replies;
    }

    @Override
    public List<Reply> onDraft(Message draft) {
        drafts.add(draft);
        return delegate.onDraft(draft);
    }
}
