# syntax=docker/dockerfile:1
#
# Charter Bot's container image, from the jar Maven builds:
#   ./mvnw -pl bot-app -am package -DskipTests
#   docker build -t registry.example.com/charter-bot:0.1.0 .
# The Helm chart (helm/charter-bot) runs it as user 10001 with a read-only root filesystem.

ARG JRE_IMAGE=eclipse-temurin:17-jre

# Split the Spring Boot jar into its layers: dependencies change rarely, the application often,
# so a rebuild after a code change only replaces the last, small layer. Extracted this way (no
# launcher), the application is a plain jar with its libraries beside it, which class data
# sharing can map.
FROM ${JRE_IMAGE} AS layers
WORKDIR /layers
COPY bot-app/target/charter-bot.jar charter-bot.jar
RUN java -Djarmode=tools -jar charter-bot.jar extract --layers --destination extracted

FROM ${JRE_IMAGE}
# A numeric, non-root user: Kubernetes' runAsNonRoot can only check a numeric id.
RUN groupadd --gid 10001 charter \
 && useradd --uid 10001 --gid 10001 --no-create-home --home-dir /nonexistent --shell /usr/sbin/nologin charter \
 && mkdir -p /var/lib/charter-bot \
 && chown 10001:10001 /var/lib/charter-bot
WORKDIR /app
# Least to most often changed; the files stay root-owned, so the application cannot alter itself.
COPY --from=layers /layers/extracted/dependencies/ ./
COPY --from=layers /layers/extracted/spring-boot-loader/ ./
COPY --from=layers /layers/extracted/snapshot-dependencies/ ./
COPY --from=layers /layers/extracted/application/ ./

# The heap follows the container's memory limit; an OutOfMemoryError ends the JVM so that the
# orchestrator restarts it instead of leaving it half-alive; the C library's freed memory goes back
# to the system every 5 s (about 25 MiB less under load, docs/measurements.md; Java 17.0.9 and later);
# after a full collection the heap keeps 15 to 40 % free instead of 40 to 70 %, so it settles near its
# live data instead of growing for minutes.
# The embedded H2 database (trials only) writes to CHARTER_DATA_DIR. No credentials here: they come
# from the environment at run time.
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75.0 -XX:MinHeapFreeRatio=15 -XX:MaxHeapFreeRatio=40 -XX:TrimNativeHeapInterval=5000 -XX:+ExitOnOutOfMemoryError" \
    CHARTER_DATA_DIR=/var/lib/charter-bot \
    MANAGEMENT_SERVER_PORT=8081

# Class data sharing (Spring Boot's documented set-up): a training run starts the application up to
# its refreshed context, on the bundled charter and a throw-away H2 database, and archives the
# classes it loaded; every start then maps them instead of loading, verifying and parsing them
# again (about half the start-up CPU and 70 MiB less memory: docs/measurements.md, bench/startup --cds).
RUN CHARTER_DATA_DIR=/tmp/cds-training java -XX:ArchiveClassesAtExit=charter-bot.jsa -Dspring.context.exit=onRefresh \
      -jar charter-bot.jar --server.port=0 --management.server.port=0 \
 && rm -rf /tmp/cds-training

USER 10001:10001
# 8080: /slack/events and /api/messages; 8081: actuator health groups and Prometheus metrics.
EXPOSE 8080 8081
ENTRYPOINT ["java", "-XX:SharedArchiveFile=charter-bot.jsa", "-Xlog:cds=off", "-Xlog:cds+dynamic=off", "-jar", "charter-bot.jar"]
