@sub-option:recv/mode
Feature: AT+QMTRECV — read messages from the buffer (spec 3.3.9)

  With AT+QMTCFG="recv/mode",<idx>,1[,<msg_len_enable>] messages from the server are stored in a
  buffer of at most five slots (<recv_id> 0~4) and announced as +QMTRECV: <idx>,<recv_id>
  (which mode gives which URC form is ambiguity A30; the harness reads it the natural way).
  AT+QMTRECV? reports +QMTRECV: <idx>,<store_status_0>,…,<store_status_4> for each connected
  client (only OK without an MQTT connection); AT+QMTRECV=<idx>[,<recv_id>] lists the stored
  messages as +QMTRECV: <idx>,<msgid>,<topic>[,<payload_len>],<payload>, and answers ERROR
  without an MQTT connection. The other clients publish at QoS 0, so every <msgid> is 0 (the
  only value the note shows for QoS 0; see A26).
  Readings this feature depends on:
  - A30: whether reading a message removes it from the buffer. The two read-all scenarios end
    with the query that shows it (consume: the slots are empty; keep: they still hold data); the
    scenario written for the other reading is then not applicable.
  - A33 and <msg_len_enable>: stored messages are compared by client, msgid, topic and payload,
    quoted or bare, with or without <payload_len> (a <payload_len> must count the payload).
  - A8: no stated default for <send_mode> / <recv_mode>: the Background sets string mode.

  Background:
    Given client 0 sends and receives MQTT payloads as text

  Rule: The test command answers OK

    @spec:3.3.9:test
    Scenario: AT+QMTRECV=? answers OK with no information line
      When the host sends AT+QMTRECV=?
      Then the module answers:
        """
        OK
        """

  Rule: The query reports which slots hold a message, per connected client

    @spec:3.3.9:query
    Scenario: Without an MQTT connection the query answers only OK
      When the host sends AT+QMTRECV?
      Then the module answers:
        """
        OK
        """

    @spec:3.3.9:query @spec:4.2:buffered @spec:3.3.1:recv/mode:set
    Scenario: Two stored messages show in slots 0 and 1
      When the host sends AT+QMTCFG="recv/mode",0,1,1
      Then the module answers OK
      Given client 0 is connected to the broker as "qmt-recv-query"
      And client 0 has subscribed to "qmt/buf/query" at QoS 1
      When another client publishes "one" to "qmt/buf/query" at QoS 0
      Then the module reports +QMTRECV: 0,0
      When another client publishes "two" to "qmt/buf/query" at QoS 0
      Then the module reports +QMTRECV: 0,1
      When the host sends AT+QMTRECV?
      Then the module answers:
        """
        +QMTRECV: 0,1,1,0,0,0
        OK
        """

  Rule: The set command reads stored messages; without an MQTT connection it is ERROR

    @spec:3.3.9:set
    Scenario: AT+QMTRECV=0 on a client that never opened a connection is ERROR
      When the host sends AT+QMTRECV=0
      Then the module answers ERROR

    @spec:3.3.9:set
    Scenario: AT+QMTRECV=0,0 on a client that never opened a connection is ERROR
      When the host sends AT+QMTRECV=0,0
      Then the module answers ERROR

    @spec:3.3.9:set @spec:4.2:buffered
    Scenario: AT+QMTRECV=0,<recv_id> reads the message stored in that slot
      When the host sends AT+QMTCFG="recv/mode",0,1,1
      Then the module answers OK
      Given client 0 is connected to the broker as "qmt-recv-read"
      And client 0 has subscribed to "qmt/buf/read" at QoS 1
      When another client publishes "first" to "qmt/buf/read" at QoS 1
      Then the module reports +QMTRECV: 0,0
      When another client publishes "second" to "qmt/buf/read" at QoS 1
      Then the module reports +QMTRECV: 0,1
      When the host sends AT+QMTRECV=0,1
      Then the module answers these stored messages, then OK:
        | client | msgid           | topic        | payload |
        | 0      | {publish-msgid} | qmt/buf/read | second  |
      When the host sends AT+QMTRECV?
      Then by reading A30 the module answers one of:
        | consume | +QMTRECV: 0,1,0,0,0,0 |
        | keep    | +QMTRECV: 0,1,1,0,0,0 |

    @spec:3.3.9:set @reading:A30=consume
    Scenario: AT+QMTRECV=0 reads every stored message in recv_id order and empties the buffer
      When the host sends AT+QMTCFG="recv/mode",0,1,0
      Then the module answers OK
      Given client 0 is connected to the broker as "qmt-recv-all"
      And client 0 has subscribed to "qmt/buf/all" at QoS 1
      When another client publishes "first" to "qmt/buf/all" at QoS 1
      Then the module reports +QMTRECV: 0,0
      When another client publishes "second" to "qmt/buf/all" at QoS 1
      Then the module reports +QMTRECV: 0,1
      When the host sends AT+QMTRECV=0
      Then the module answers these stored messages, then OK:
        | client | msgid           | topic       | payload |
        | 0      | {publish-msgid} | qmt/buf/all | first   |
        | 0      | {publish-msgid} | qmt/buf/all | second  |
      When the host sends AT+QMTRECV?
      Then by reading A30 the module answers one of:
        | consume | +QMTRECV: 0,0,0,0,0,0 |
        | keep    | +QMTRECV: 0,1,1,0,0,0 |

    @spec:3.3.9:set @reading:A30=keep
    Scenario: AT+QMTRECV=0 reads every stored message and keeps it in the buffer
      When the host sends AT+QMTCFG="recv/mode",0,1,1
      Then the module answers OK
      Given client 0 is connected to the broker as "qmt-recv-keep"
      And client 0 has subscribed to "qmt/buf/keep" at QoS 1
      When another client publishes "first" to "qmt/buf/keep" at QoS 1
      Then the module reports +QMTRECV: 0,0
      When the host sends AT+QMTRECV=0
      Then the module answers these stored messages, then OK:
        | client | msgid           | topic        | payload |
        | 0      | {publish-msgid} | qmt/buf/keep | first   |
      When the host sends AT+QMTRECV?
      Then by reading A30 the module answers one of:
        | consume | +QMTRECV: 0,0,0,0,0,0 |
        | keep    | +QMTRECV: 0,1,0,0,0,0 |

  Rule: <recv_id> is 0~4

    @spec:3.3.9:recv_id:range @spec:3.3.9:set
    Scenario Outline: AT+QMTRECV=0,<recv_id> on an empty slot answers OK with no message
      Given client 0 is connected to the broker as "qmt-recv-id"
      When the host sends AT+QMTRECV=0,<recv_id>
      Then the module answers:
        """
        OK
        """

      Examples: in range
        | recv_id |
        | 0       |
        | 4       |

    @spec:3.3.9:recv_id:range
    Scenario Outline: AT+QMTRECV=0,<recv_id> is refused with ERROR
      Given client 0 is connected to the broker as "qmt-recv-id-bad"
      When the host sends AT+QMTRECV=0,<recv_id>
      Then the module answers ERROR

      Examples: out of range or not a number
        | recv_id |
        | 5       |
        | -1      |
        | x       |

  Rule: The buffer holds at most five messages

    @spec:3.3.9:buffer-size @spec:4.2:buffered @spec:3.3.9:query
    Scenario: Six messages into the five-slot buffer: five are stored and announced, never a sixth
      When the host sends AT+QMTCFG="recv/mode",0,1,1
      Then the module answers OK
      Given client 0 is connected to the broker as "qmt-recv-six"
      And client 0 has subscribed to "qmt/buf/six" at QoS 1
      When another client publishes "m1" to "qmt/buf/six" at QoS 0
      And another client publishes "m2" to "qmt/buf/six" at QoS 0
      And another client publishes "m3" to "qmt/buf/six" at QoS 0
      And another client publishes "m4" to "qmt/buf/six" at QoS 0
      And another client publishes "m5" to "qmt/buf/six" at QoS 0
      And another client publishes "m6" to "qmt/buf/six" at QoS 0
      Then the module reports +QMTRECV: 0,0
      And the module reports +QMTRECV: 0,1
      And the module reports +QMTRECV: 0,2
      And the module reports +QMTRECV: 0,3
      And the module reports +QMTRECV: 0,4
      And the module never reports +QMTRECV: 0,5 within 3 seconds
      When the host sends AT+QMTRECV?
      Then the module answers:
        """
        +QMTRECV: 0,1,1,1,1,1
        OK
        """
      When the host sends AT+QMTRECV=0
      Then the module answers OK after 5 buffered messages
