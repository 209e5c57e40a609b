# expect: dockerfile/missing-from
ARG VERSION=1
RUN echo $VERSION
