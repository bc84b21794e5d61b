@ssl
Feature: Chapter 5.2 — MQTT operation with SSL, as the application note prints it

  The flow of spec 5.2, line by line, against the broker fixture's TLS listener. Deliberate
  differences, because the harness owns the network side:
  - the module dials the fixture ({host}:{tls-port}) instead of the AWS endpoint on 8883;
  - the files uploaded with AT+QFUPL are a CA, client certificate and client key made for this
    run, so their sizes and checksums are not the note's 1758/384a, 1220/2d53, 1679/335f: the
    module must answer +QFUPL with the size of what was sent and its checksum (16-bit XOR, as the
    note's hex values suggest), computed by the harness;
  - the +QMTRECV comes from the module's own publish: the module subscribed to the topic it
    publishes to, and an MQTT 3.1.1 server delivers it back. Its <msgid> is the packet id the
    server chose for that delivery, so it is matched as any value.
  The note writes the sub-option "SSL" in upper case where 3.3.1 defines "ssl" (ambiguity A34):
  the example applies as printed only to variants reading sub-option names as case-insensitive
  (the scenario starts by observing A34 and does not apply to a module that refuses "SSL").
  AT+QFUPL and AT+QSSLCFG belong to other documents: when they fail the scenario is broken
  ("precondition:"), not a non-conformance to this note. Also read: conn-ret-code.
  What seclevel 2 means is in the SSL note, not this one (A35c); the simulated module verifies
  the server's certificate against the uploaded CA for seclevel 1 and 2, as the note's comment
  "server authentication" says. The client certificate and key are uploaded as printed although
  the comments call the mode "server authentication" (A35a).

  @spec:5.2 @spec:3.3.1:ssl:set @spec:3.3.1:recv/mode:set @reading:A34=case-insensitive
  @spec:3.3.2:set @spec:3.3.2:result=0 @spec:3.3.4:set @spec:3.3.6:set @spec:3.3.8:set @spec:3.3.8:qos1-flow
  @spec:3.3.5:set @spec:4.2:message-with-length
  Scenario: The 5.2 example runs as printed over TLS
    # Text payloads both ways: the note leaves <send_mode> / <recv_mode> to the defaults (A8).
    Given client 0 sends and receives MQTT payloads as text
    When the host sends AT+QMTCFG="recv/mode",0,0,1
    Then the module answers OK
    When the host sends AT+QMTCFG="SSL",0,1,2
    Then by reading A34 the module answers one of:
      | case-insensitive | OK    |
      | lower-only       | ERROR |
    When the host uploads the broker's CA certificate with AT+QFUPL="UFS:cacert.pem",{size},100
    Then the module answers +QFUPL with the size and checksum of the uploaded data, then OK
    When the host uploads the module's client certificate with AT+QFUPL="UFS:client.pem",{size},100
    Then the module answers +QFUPL with the size and checksum of the uploaded data, then OK
    When the host uploads the module's client key with AT+QFUPL="UFS:user_key.pem",{size},100
    Then the module answers +QFUPL with the size and checksum of the uploaded data, then OK
    When the host sends AT+QSSLCFG="cacert",2,"UFS:cacert.pem"
    Then the module answers OK
    When the host sends AT+QSSLCFG="clientcert",2,"UFS:client.pem"
    Then the module answers OK
    When the host sends AT+QSSLCFG="clientkey",2,"UFS:user_key.pem"
    Then the module answers OK
    When the host sends AT+QSSLCFG="seclevel",2,2
    Then the module answers OK
    When the host sends AT+QSSLCFG="sslversion",2,4
    Then the module answers OK
    When the host sends AT+QSSLCFG="ciphersuite",2,0xFFFF
    Then the module answers OK
    When the host sends AT+QSSLCFG="ignorelocaltime",2,1
    Then the module answers OK
    When the host sends AT+QMTOPEN=0,"{host}",{tls-port}
    Then the module answers OK
    And the module reports +QMTOPEN: 0,0
    When the host sends AT+QMTCONN=0,"M26_0206"
    Then the module answers OK
    And the module reports +QMTCONN: 0,0,0
    And the broker receives a CONNECT with:
      | client id | M26_0206 |
    And the broker has seen the module connect over TLS
    When the host sends AT+QMTSUB=0,1,"$aws/things/M26_0206/shadow/update/accepted",1
    Then the module answers OK
    And the module reports +QMTSUB: 0,1,0,1
    And the broker receives a SUBSCRIBE with:
      | subscriptions | $aws/things/M26_0206/shadow/update/accepted@1 |
    When the host sends AT+QMTPUBEX=0,1,1,0,"$aws/things/M26_0206/shadow/update/accepted",32 with payload "This is publish data from client"
    Then the module answers OK
    And the module reports +QMTPUBEX: 0,1,0
    And the broker receives a PUBLISH with:
      | topic   | $aws/things/M26_0206/shadow/update/accepted |
      | payload | This is publish data from client            |
      | qos     | 1                                           |
      | retain  | 0                                           |
    And the module reports +QMTRECV: 0,{publish-msgid},"$aws/things/M26_0206/shadow/update/accepted",32,"This is publish data from client"
    When the host sends AT+QMTDISC=0
    Then the module answers OK
    And the module reports +QMTDISC: 0,0
    And the broker receives a DISCONNECT

  Rule: A CA certificate that did not sign the server's certificate makes AT+QMTOPEN fail

    The field evidence (docs/field-evidence.md#tls-open-failure) reports +QMTOPEN: 0,-1 ("failed to open network") for a TLS port with a bad
    certificate set-up on EC25 and BG96; the note itself lists no result for a failed handshake.
    No TLS connection may reach the MQTT server.

    @spec:3.3.2:result=-1 @spec:3.3.1:ssl:set
    Scenario: The module rejects the broker's certificate when the uploaded CA does not match
      When the host sends AT+QMTCFG="ssl",0,1,2
      Then the module answers OK
      When the host uploads a CA certificate that did not sign the broker's certificate with AT+QFUPL="UFS:otherca.pem",{size},100
      Then the module answers +QFUPL with the size and checksum of the uploaded data, then OK
      When the host uploads the module's client certificate with AT+QFUPL="UFS:client.pem",{size},100
      Then the module answers +QFUPL with the size and checksum of the uploaded data, then OK
      When the host uploads the module's client key with AT+QFUPL="UFS:user_key.pem",{size},100
      Then the module answers +QFUPL with the size and checksum of the uploaded data, then OK
      When the host sends AT+QSSLCFG="cacert",2,"UFS:otherca.pem"
      Then the module answers OK
      When the host sends AT+QSSLCFG="clientcert",2,"UFS:client.pem"
      Then the module answers OK
      When the host sends AT+QSSLCFG="clientkey",2,"UFS:user_key.pem"
      Then the module answers OK
      When the host sends AT+QSSLCFG="seclevel",2,2
      Then the module answers OK
      When the host sends AT+QMTOPEN=0,"{host}",{tls-port}
      Then the module answers OK
      And the module reports +QMTOPEN: 0,-1
      And the broker has seen 0 connections from the module
