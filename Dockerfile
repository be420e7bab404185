# syntax=docker/dockerfile:1
# The project's jars, built by its own Maven wrapper, and the images that run them (docker-compose.yml picks a
# target): `flink` is Flink 1.20 with the job jar and its submit script, `generator` the tick generator.

FROM maven:3.9.11-eclipse-temurin-17 AS build
WORKDIR /src
COPY . .
RUN ./mvnw -B -ntp package -DskipTests

FROM flink:1.20.5-java17 AS flink
COPY --from=build /src/flink-job/target/flink-job.jar /opt/flink/usrlib/flink-job.jar
COPY flink-job/docker/submit-job.sh /opt/flink/bin/submit-job.sh
# Checkpoints and savepoints live on a named volume, which takes this directory's owner.
RUN mkdir -p /flink-data && chown flink:flink /flink-data

FROM eclipse-temurin:17.0.16_8-jre AS generator
RUN useradd --system --uid 10001 generator
COPY --from=build /src/tick-generator/target/tick-generator.jar /opt/tick-generator/tick-generator.jar
USER generator
ENTRYPOINT ["java", "-jar", "/opt/tick-generator/tick-generator.jar"]
