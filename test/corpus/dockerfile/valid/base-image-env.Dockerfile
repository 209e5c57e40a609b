# Variables of the base image (corpus classes DW3, DW4): PATH and HOME come from the image, and a
# WORKDIR that starts with one expands to an absolute path.
FROM jupyter/base-notebook:2024-01-15
ENV GOPATH=/home/jovyan/go
ENV PATH=$GOPATH/bin:$PATH
WORKDIR "${HOME}"
COPY --chown=1000:100 notebooks/ ./notebooks/
