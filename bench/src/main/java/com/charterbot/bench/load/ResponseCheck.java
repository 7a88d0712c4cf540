package com.charterbot.bench.load;

import java.net.http.HttpResponse;

/** Decides whether a 2xx response is the answer the benchmark expects; anything else counts as unexpected. */
@FunctionalInterface
public interface ResponseCheck {

    /** Any 2xx response is good. */
    ResponseCheck ANY_2XX = response -> true;

    boolean accepts(HttpResponse<String> response);

    /** A 200 whose body contains {@code fragment}, e.g. {@code "\"blocks\""} for a Block Kit reply. */
    static ResponseCheck status200WithBody(String fragment) {
        return response -> response.statusCode() == 200
                && response.body() != null
                && response.body().contains(fragment);
    }

    /** Exactly status 200, whatever the body. */
    static ResponseCheck status200() {
        return response -> response.statusCode() == 200;
    }
}
