package com.charterbot.app.charter;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a start-up failure caused by a broken charter into the list of problems, without a stack trace. */
class InvalidCharterFailureAnalyzer extends AbstractFailureAnalyzer<AnswerConfiguration.InvalidCharterException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, AnswerConfiguration.InvalidCharterException cause) {
        return new FailureAnalysis(cause.getMessage(),
                "Fix the files listed above (see docs/charter-format.md), check them with "
                        + "'java -jar charter-bot.jar validate <dir>', or unset charter.dir to use the bundled charter.",
                cause);
    }
}
