FROM ruby:3.3.4-alpine3.20
RUN apk add --no-cache build-base
WORKDIR /usr/src/app
ONBUILD COPY Gemfile Gemfile.lock ./
ONBUILD RUN bundle install --jobs 4
ONBUILD COPY . .
STOPSIGNAL SIGQUIT
USER nobody
CMD ["ruby", "app.rb"]
