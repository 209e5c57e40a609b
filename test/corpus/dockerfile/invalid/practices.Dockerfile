# expect: dockerfile/latest-tag dockerfile/apt-get-yes dockerfile/apt-update-alone dockerfile/sudo dockerfile/maintainer-deprecated dockerfile/last-user-root dockerfile/curl-pipe-shell dockerfile/secret-in-env dockerfile/expose-ssh dockerfile/add-instead-of-copy dockerfile/shell-form-cmd
FROM ubuntu
MAINTAINER someone@example.com
ENV DB_PASSWORD=hunter2
RUN apt-get update
RUN sudo apt-get install curl
RUN curl -fsSL https://example.com/install.sh | sh
ADD config.ini /etc/app/
EXPOSE 22
USER root
CMD /usr/sbin/sshd -D
